// Issue #16 finding 4: what other teams do — a fresh `npm init -y` project ("type": "commonjs"), our packed
// tarballs installed, the README examples type-checked under nodenext and bundler resolution and run with vitest.
import { execFile, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ownVersion, packPackage, publishedPackages } from './support/pack.js'
import { hasNpm, tempFolder } from './support/tools.js'

const fixture = new URL('./fixture/', import.meta.url)
const npm = hasNpm()
const libraries = publishedPackages().filter((pkg) => pkg.entries.length > 0) // the CLI is only bins

function run(cwd: string, command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  expect(result.error).toBeUndefined()
  return result
}

/** tsc -p tsconfig.<mode>.json in `project`; never rejects. */
function tsc(project: string, mode: string): Promise<{ code: number; output: string }> {
  const args = ['node_modules/typescript/bin/tsc', '-p', `tsconfig.${mode}.json`]
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: project, encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    )
  })
}

describe.skipIf(!npm)('the packed packages in a fresh CommonJS-typed npm project', () => {
  const temp = tempFolder('ucdn-consumer')
  const project = join(temp.dir, 'app')
  const typeChecks = new Map<string, ReturnType<typeof tsc>>()
  afterAll(() => temp.remove())

  // One install shared by every case below.
  beforeAll(() => {
    const tarballs = join(temp.dir, 'tarballs')
    mkdirSync(project)
    const packed = libraries.map((pkg) => [pkg.name, packPackage(pkg.dir, tarballs).tarball] as const)
    const init = run(project, 'npm', ['init', '-y'])
    expect(init.status, init.stderr).toBe(0)
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'))
    expect(manifest.type ?? 'commonjs').toBe('commonjs')
    // Ours from the tarballs only, also where one of ours depends on another (overrides); the rest from the registry.
    const ours = Object.fromEntries(
      packed.map(([name, tarball]) => [name, `file:${relative(project, tarball)}`]),
    )
    manifest.dependencies = ours
    manifest.overrides = ours
    manifest.devDependencies = Object.fromEntries(
      ['typescript', 'vitest', '@types/node'].map((name) => [name, ownVersion(name)]),
    )
    writeFileSync(join(project, 'package.json'), JSON.stringify(manifest, null, 2))
    for (const file of readdirSync(fixture)) copyFileSync(new URL(file, fixture), join(project, file))
    const install = run(project, 'npm', [
      'install',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--loglevel=error',
    ])
    expect(install.status, install.stderr).toBe(0)
    // Both type checks at once: the slowest step, and independent.
    for (const mode of ['nodenext', 'bundler']) typeChecks.set(mode, tsc(project, mode))
  })

  it('installed every package of ours from its tarball', () => {
    const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8'))
    for (const pkg of libraries) {
      const entry = lock.packages[`node_modules/${pkg.name}`]
      expect(entry?.resolved, pkg.name).toMatch(/^file:.*\.tgz$/)
      // …and no second copy of it nested anywhere (one of ours resolved from elsewhere).
      const copies = Object.keys(lock.packages).filter((key) => key.endsWith(`node_modules/${pkg.name}`))
      expect(copies).toEqual([`node_modules/${pkg.name}`])
    }
  })

  it.each(['nodenext', 'bundler'])(
    'type-checks the README examples under moduleResolution %s',
    async (mode) => {
      const tsc = await typeChecks.get(mode)
      expect(tsc?.output).toBe('')
      expect(tsc?.code).toBe(0)
    },
  )

  it("runs the README's test: the SDK calls the mock through setupUcdnServer", () => {
    const vitest = run(project, process.execPath, ['node_modules/vitest/vitest.mjs', 'run'])
    expect(vitest.status, vitest.stdout + vitest.stderr).toBe(0)
    expect(vitest.stdout).toMatch(/Tests\s+1 passed/)
  })
})
