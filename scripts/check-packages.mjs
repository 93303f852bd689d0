#!/usr/bin/env node
// `pnpm check:packages`: every published package as its tarball will be — LICENSE inside, caret ranges for its
// dependencies, bins present, README links that work on the registry — then publint and Are the Types Wrong
// (`attw --pack`), so other teams can install and import what we ship. Run `pnpm build` first.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { packedManifestProblems, packPackage } from './packed-manifest.mjs'
import { linksLeavingPackage } from './readme-links.mjs'
import { publishedPackages, root } from './workspace-packages.mjs'

const bin = (name) => join(root, 'node_modules/.bin', name)
const dest = mkdtempSync(join(tmpdir(), 'check-packages-'))
let failed = false
const report = (pkg, what, problems) => {
  if (problems.length === 0) return console.log(`${pkg.name}: ${what} ok`)
  console.error(`${pkg.name}: ${what} failed\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  failed = true
}
for (const pkg of publishedPackages()) {
  const packed = packPackage(pkg.dir, dest)
  report(pkg, 'packed manifest', packedManifestProblems(packed.manifest, packed.files))
  const links = linksLeavingPackage(readFileSync(join(pkg.dir, 'README.md'), 'utf8'), pkg.dir)
  report(
    pkg,
    'README links',
    links.map((l) => `relative link "${l}" leaves the package (broken on the registry)`),
  )
  const tools = [['publint', ['--strict']]]
  // ESM-only by design (engines >= 20.19, where require(esm) works): CommonJS resolution modes are not targets.
  // A bin-only package has no types for attw to check.
  if (pkg.entries.length > 0)
    tools.push(['attw', ['--pack', '.', '--profile', 'esm-only', '--format', 'table-flipped']])
  for (const [tool, args] of tools) {
    const run = spawnSync(bin(tool), args, { cwd: pkg.dir, encoding: 'utf8' })
    report(pkg, tool, run.status === 0 ? [] : [`${run.stdout}${run.stderr}`])
  }
}
rmSync(dest, { recursive: true, force: true })
process.exit(failed ? 1 : 0)
