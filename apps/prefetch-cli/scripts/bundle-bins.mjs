#!/usr/bin/env node
// Every command in package.json's `bin` becomes a bundled file (its dependencies bundled in), so the published
// package installs nothing else (`npx` from the tarball just runs) and a start-up reads a few modules instead of
// resolving hundreds. A bin `./dist/<name>.js` is built from `src/<name>.ts`.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { thirdPartyLicenses } from './third-party-licenses.mjs'

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
const bins = typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {})

const entries = Object.entries(bins).map(([name, target]) => {
  const match = /^(?:\.\/)?dist\/([\w.-]+)\.js$/.exec(target)
  if (!match) throw new Error(`bin "${name}" must point at dist/<file>.js (got "${target}")`)
  return { name, source: join(pkgDir, 'src', `${match[1]}.ts`), out: join(pkgDir, target) }
})
if (entries.length === 0) throw new Error('package.json has no bin entry to bundle')

// One build for every bin, with code splitting: what a bin loads with import() only on some paths (the SDK, the
// HTTP client, the demo API behind `--mock`) goes to chunks next to it, so `--help` and a usage error read and
// compile only the argument parser's part instead of the whole ~2 MB. Still no dependency to install: the chunks
// are files of the package (`dist/*.js`).
const outdir = join(pkgDir, 'dist')
for (const entry of entries) {
  if (dirname(entry.out) !== outdir) throw new Error(`bin "${entry.name}" must be a file directly in dist/`)
}
const result = await build({
  entryPoints: Object.fromEntries(
    entries.map((entry) => [entry.out.slice(outdir.length + 1).replace(/\.js$/, ''), entry.source]),
  ),
  outdir,
  chunkNames: 'chunk-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: `node${manifest.engines.node.replace(/^>=\s*/, '')}`,
  // Bundled CommonJS dependencies (commander, cli-table3…) call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __ucdnCreateRequire } from 'node:module';\nconst require = __ucdnCreateRequire(import.meta.url);",
  },
  // The full license texts go to dist/THIRD-PARTY-LICENSES.txt instead.
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
})
const inputs = new Set(Object.keys(result.metafile.inputs))
for (const entry of entries) {
  chmodSync(entry.out, 0o755)
  console.log(`${entry.name}: ${relative(pkgDir, entry.out)}`)
}
writeFileSync(join(pkgDir, 'dist/THIRD-PARTY-LICENSES.txt'), thirdPartyLicenses(inputs, pkgDir))
