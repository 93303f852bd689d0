// What a published package's tarball holds, as `pnpm pack` makes it (catalog: and workspace: specifiers
// replaced, publishConfig applied), and what must hold for it: consumers get one copy of a shared dependency
// only if we ask for a range, and every tarball carries its LICENSE.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'

/** Packs `dir` into `dest`; the tarball's path, its file list and its package.json. */
export function packPackage(dir, dest) {
  const out = execFileSync('pnpm', ['pack', '--json', '--pack-destination', dest], {
    cwd: dir,
    encoding: 'utf8',
  })
  const { filename, files } = JSON.parse(out.slice(out.indexOf('{')))
  const tarball = filename.startsWith('/') ? filename : join(dest, filename)
  const manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
  )
  return { tarball, files: files.map((f) => f.path), manifest }
}

const RUNTIME_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies']

/** Problems of a packed manifest and file list; empty when it may be published. */
export function packedManifestProblems(manifest, files) {
  const problems = []
  if (!files.includes('LICENSE')) problems.push('no LICENSE file in the tarball')
  if (manifest.license !== 'Apache-2.0') problems.push(`license is ${manifest.license}, not Apache-2.0`)
  for (const field of RUNTIME_FIELDS) {
    for (const [name, spec] of Object.entries(manifest[field] ?? {})) {
      // ^1.2.3, or a union of caret ranges (peers: ^2.12.0 || ^3.0.0)
      if (!/^\^\d+\.\d+\.\d+(?:-[\w.]+)?(?: \|\| \^\d+\.\d+\.\d+(?:-[\w.]+)?)*$/.test(spec))
        problems.push(`${field}.${name} is "${spec}": publish a caret range (^x.y.z)`)
    }
  }
  // A bin-only package bundles what it runs: anything it still depends on would be installed for nothing.
  if (manifest.bin && !manifest.exports?.['.'] && Object.keys(manifest.dependencies ?? {}).length > 0)
    problems.push('a bin-only package (its bins bundled) must have no dependencies')
  for (const target of Object.values(
    typeof manifest.bin === 'string' ? { bin: manifest.bin } : (manifest.bin ?? {}),
  ))
    if (!files.includes(target.replace(/^\.\//, ''))) problems.push(`bin ${target} is not in the tarball`)
  return problems
}
