// The published packages packed as `pnpm publish` would (the repository's own packing code).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packPackage } from '../../../../scripts/packed-manifest.mjs'
import { publishedPackages } from '../../../../scripts/workspace-packages.mjs'
import { repoRoot } from './tools.js'

export { packPackage, publishedPackages }

/** The version of a tool this package uses (the catalog's), to install the same one in a consumer project. */
export function ownVersion(name: string): string {
  const manifest = join(repoRoot, 'tests/packaging/node_modules', name, 'package.json')
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
}
