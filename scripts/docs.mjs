#!/usr/bin/env node
// `pnpm docs`: API reference for every published package (TypeDoc, from the sources) into docs/api/<package>/,
// and the OpenAPI spec rendered to one static page (Redocly build-docs) at docs/spec/index.html.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { publishedPackages, root } from './workspace-packages.mjs'

const bin = (name) => join(root, 'node_modules/.bin', name)
const apiOut = join(root, 'docs/api')
rmSync(apiOut, { recursive: true, force: true })
mkdirSync(apiOut, { recursive: true })

const only = process.argv.slice(2) // optional package names, to document a subset
const links = []
for (const pkg of publishedPackages().filter(
  (p) => p.entries.length > 0 && (only.length === 0 || only.includes(p.name)),
)) {
  const slug = pkg.name.replace('@scloud/', '')
  // dist/<entry>.d.ts is built from src/<entry>.ts
  const entryPoints = pkg.entries.map((e) =>
    relative(pkg.dir, e.types)
      .replace(/^dist\//, 'src/')
      .replace(/\.d\.ts$/, '.ts'),
  )
  execFileSync(
    bin('typedoc'),
    [
      ...entryPoints.flatMap((e) => ['--entryPoints', e]),
      '--tsconfig',
      'tsconfig.build.json',
      '--out',
      join(apiOut, slug),
      '--name',
      pkg.name,
      '--readme',
      'README.md',
      '--excludePrivate',
      '--excludeInternal',
      '--disableSources',
      '--logLevel',
      'Warn',
    ],
    { cwd: pkg.dir, stdio: 'inherit' },
  )
  links.push(`<li><a href="${slug}/index.html">${pkg.name}</a> — ${pkg.manifest.description}</li>`)
}
writeFileSync(
  join(apiOut, 'index.html'),
  `<!doctype html><meta charset="utf-8"><title>SCloud UCDN SDK — API reference</title>
<h1>SCloud UCDN SDK — API reference</h1><ul>${links.join('\n')}</ul>
<p><a href="../spec/index.html">The HTTP API (OpenAPI)</a></p>\n`,
)
execFileSync(bin('redocly'), ['build-docs', 'openapi/ucdn.yaml', '--output', 'docs/spec/index.html'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
})
console.log('docs written to docs/api/index.html and docs/spec/index.html')
