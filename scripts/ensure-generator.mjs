#!/usr/bin/env node
// Makes sure the pinned openapi-generator JAR (openapitools.json) is in its storageDir and returns its path.
// The npm wrapper downloads it where it can; where it cannot, Maven's own client fetches the same artifact.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export function generatorJar() {
  const config = JSON.parse(readFileSync(join(root, 'openapitools.json'), 'utf8'))['generator-cli']
  return { version: config.version, path: join(root, config.storageDir, `${config.version}.jar`) }
}

export function ensureGenerator() {
  const jar = generatorJar()
  if (existsSync(jar.path)) return jar.path
  try {
    execFileSync('pnpm', ['exec', 'openapi-generator-cli', 'version'], { cwd: root, stdio: 'inherit' })
  } catch {
    console.warn('openapi-generator-cli could not download the JAR; trying Maven')
  }
  if (!existsSync(jar.path)) {
    mkdirSync(dirname(jar.path), { recursive: true })
    execFileSync(
      'mvn',
      [
        '-q',
        '-B',
        'dependency:copy',
        `-Dartifact=org.openapitools:openapi-generator-cli:${jar.version}:jar`,
        `-DoutputDirectory=${dirname(jar.path)}`,
        '-Dmdep.stripVersion=true',
      ],
      { cwd: root, stdio: 'inherit' },
    )
    execFileSync('mv', [join(dirname(jar.path), 'openapi-generator-cli.jar'), jar.path])
  }
  if (!existsSync(jar.path)) throw new Error(`openapi-generator ${jar.version} is missing at ${jar.path}`)
  return jar.path
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(ensureGenerator())
