// The workspace's publishable packages (packages/*, not private), with their export entry points.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export function publishedPackages() {
  return readdirSync(join(root, 'packages'))
    .map((name) => {
      const dir = join(root, 'packages', name)
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      const entries = Object.entries(manifest.exports ?? {})
        .filter(([, target]) => typeof target === 'object' && target.types)
        .map(([subpath, target]) => ({ subpath, types: join(dir, target.types) }))
      return { name: manifest.name, dir, manifest, entries }
    })
    .filter((pkg) => !pkg.manifest.private)
}
