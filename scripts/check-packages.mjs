#!/usr/bin/env node
// `pnpm check:packages`: publint and Are the Types Wrong (`attw --pack`) on every published package, so
// other teams can import what we ship from Node ESM and from bundlers. Run `pnpm build` first.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { publishedPackages, root } from './workspace-packages.mjs'

const bin = (name) => join(root, 'node_modules/.bin', name)
let failed = false
for (const pkg of publishedPackages()) {
  for (const [tool, args] of [
    ['publint', ['--strict']],
    // ESM-only by design (engines >= 20.19, where require(esm) works): CommonJS resolution modes are not targets.
    ['attw', ['--pack', '.', '--profile', 'esm-only', '--format', 'table-flipped']],
  ]) {
    const run = spawnSync(bin(tool), args, { cwd: pkg.dir, encoding: 'utf8' })
    if (run.status !== 0) {
      console.error(`${pkg.name}: ${tool} failed\n${run.stdout}${run.stderr}`)
      failed = true
    } else {
      console.log(`${pkg.name}: ${tool} ok`)
    }
  }
}
process.exit(failed ? 1 : 0)
