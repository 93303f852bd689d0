#!/usr/bin/env node
// Every command in package.json's `bin` becomes ONE self-contained file (its dependencies bundled in), so the
// published package installs nothing else (`npx` from the tarball just runs) and a start-up reads one module
// instead of resolving hundreds. A bin `./dist/<name>.js` is built from `src/<name>.ts`.
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

const inputs = new Set()
for (const entry of entries) {
  const result = await build({
    entryPoints: [entry.source],
    outfile: entry.out,
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
  for (const input of Object.keys(result.metafile.inputs)) inputs.add(input)
  chmodSync(entry.out, 0o755)
  console.log(`${entry.name}: ${relative(pkgDir, entry.out)}`)
}
writeFileSync(join(pkgDir, 'dist/THIRD-PARTY-LICENSES.txt'), thirdPartyLicenses(inputs, pkgDir))
