import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { linksLeavingPackage } from '../readme-links.mjs'
import { publishedPackages } from '../workspace-packages.mjs'

describe('linksLeavingPackage', () => {
  const dir = '/repo/packages/ucdn'

  it('finds inline, reference and HTML links that leave the package', () => {
    const md = [
      'Built on [`@scloud/ucdn-client`](../ucdn-client) and [the spec](../../openapi/ucdn.yaml "spec").',
      '[signer]: ../signer/README.md',
      '<a href="../ucdn-mock">mock</a> ![logo](/logo.png)',
    ].join('\n')
    expect(linksLeavingPackage(md, dir)).toEqual([
      '../ucdn-client',
      '../../openapi/ucdn.yaml',
      '/logo.png',
      '../signer/README.md',
      '../ucdn-mock',
    ])
  })

  it('accepts absolute URLs, anchors and files inside the package', () => {
    const md =
      '[msw](https://mswjs.io) [below](#configuration) [report](./api-report/index.api.md) [x](src/a.ts#L1)'
    expect(linksLeavingPackage(md, dir)).toEqual([])
  })

  it('ignores code: fenced blocks and inline code', () => {
    const md = '```ts\nconst f = handlers[0](../x)\n```\nand `a[0](../y)` in text'
    expect(linksLeavingPackage(md, dir)).toEqual([])
  })
})

describe('the published packages', () => {
  it.each(publishedPackages().map((pkg): [string, string] => [pkg.name, pkg.dir]))(
    "%s's README links work on the registry (none leaves the package)",
    (_name, dir) => {
      expect(linksLeavingPackage(readFileSync(join(dir, 'README.md'), 'utf8'), dir)).toEqual([])
    },
  )
})
