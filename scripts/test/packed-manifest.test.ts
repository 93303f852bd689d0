import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { packedManifestProblems, packPackage } from '../packed-manifest.mjs'
import { publishedPackages } from '../workspace-packages.mjs'

const good = {
  name: '@scloud/x',
  license: 'Apache-2.0',
  dependencies: { zod: '^4.6.7', '@scloud/signer': '^0.1.0' },
  peerDependencies: { msw: '^2.12.0' },
}

describe('packedManifestProblems', () => {
  it('accepts caret ranges, a LICENSE and the Apache-2.0 license', () => {
    expect(packedManifestProblems(good, ['LICENSE', 'package.json'])).toEqual([])
  })

  it('refuses exact pins and other ranges, naming the dependency', () => {
    const manifest = { ...good, dependencies: { zod: '4.6.7', undici: '~7.30.2', x: '*', y: 'workspace:^' } }
    expect(packedManifestProblems(manifest, ['LICENSE'])).toEqual([
      'dependencies.zod is "4.6.7": publish a caret range (^x.y.z)',
      'dependencies.undici is "~7.30.2": publish a caret range (^x.y.z)',
      'dependencies.x is "*": publish a caret range (^x.y.z)',
      'dependencies.y is "workspace:^": publish a caret range (^x.y.z)',
    ])
  })

  it('refuses a tarball without LICENSE or with another license', () => {
    expect(packedManifestProblems({ ...good, license: 'MIT' }, ['package.json'])).toEqual([
      'no LICENSE file in the tarball',
      'license is MIT, not Apache-2.0',
    ])
  })

  it('wants a bin-only package to bundle everything and ship its bins', () => {
    const cli = { name: '@scloud/cli', license: 'Apache-2.0', bin: { a: './dist/a.js', b: './dist/b.js' } }
    expect(packedManifestProblems(cli, ['LICENSE', 'dist/a.js'])).toEqual([
      'bin ./dist/b.js is not in the tarball',
    ])
    expect(
      packedManifestProblems({ ...cli, dependencies: { zod: '^4.6.7' } }, [
        'LICENSE',
        'dist/a.js',
        'dist/b.js',
      ]),
    ).toEqual(['a bin-only package (its bins bundled) must have no dependencies'])
  })
})

describe('the published packages, packed', () => {
  const dest = mkdtempSync(join(tmpdir(), 'packed-manifest-'))
  afterAll(() => rmSync(dest, { recursive: true, force: true }))

  // Packing needs no build; bins (built files) are checked by `pnpm check:packages` after `pnpm build`.
  it.each(publishedPackages().map((pkg): [string, string] => [pkg.name, pkg.dir]))(
    '%s has a LICENSE and caret ranges',
    { timeout: 60_000 },
    (_name, dir) => {
      const packed = packPackage(dir, dest)
      expect(
        packedManifestProblems(packed.manifest, packed.files).filter((p) => !p.startsWith('bin ')),
      ).toEqual([])
    },
  )

  it('includes the CLI, with no runtime dependencies', () => {
    const cli = publishedPackages().find((pkg) => pkg.name === '@scloud/ucdn-cli')
    expect(cli?.manifest.bin).toHaveProperty('ucdn-prefetch')
    expect(cli?.manifest.dependencies ?? {}).toEqual({})
  })
})
