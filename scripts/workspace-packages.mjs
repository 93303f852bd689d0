// The workspace's publishable packages (packages/* and apps/*, not private), with their export entry points.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export function publishedPackages() {
  return ['packages', 'apps']
    .flatMap((group) => readdirSync(join(root, group)).map((name) => join(root, group, name)))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      // What consumers import is the published manifest's `exports` (publishConfig overrides the workspace's).
      const exports = manifest.publishConfig?.exports ?? manifest.exports ?? {}
      // A subpath pattern (`./operations/*`: one module per action) exposes modules the package's index exports
      // too, so its API is in the index's report; it is listed apart.
      const patterns = Object.keys(exports).filter((subpath) => subpath.includes('*'))
      const entries = Object.entries(exports)
        .filter(([subpath, target]) => typeof target === 'object' && target.types && !subpath.includes('*'))
        .map(([subpath, target]) => ({ subpath, types: join(dir, target.types) }))
      return { name: manifest.name, dir, manifest, entries, patterns }
    })
    .filter((pkg) => !pkg.manifest.private)
}
