// ucdn prefetch / refresh / quota against the built-in demo API (the real mock server on loopback, on the
// harness's manual clock), as a newcomer runs them without credentials (--mock here).
import { createManualClock } from '@scloud/ucdn-mock'
import { describe, expect, it } from 'vitest'
import { runCli, T0 } from '../harness.js'

const ucdn = (argv: string[]) => runCli([...argv, '--mock'], createManualClock(T0), { ucdn: true })

describe('on the demo API', () => {
  it('prefetch --wait shows both URLs finishing and exits 0 (issue 15: done when)', async () => {
    const result = await ucdn([
      'prefetch',
      'https://cdn.example.com/a.js',
      'https://cdn.example.com/b.css',
      '--wait',
    ])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/All 1 task finished in \d+ s\./)
    expect(result.stdout).toMatch(/✓ success +2\/2/)
    expect(result.stdout).toContain('2/2 URLs done (100%)')
  })

  it('refresh --type dir --wait, and --output json of the submit', async () => {
    const waited = await ucdn(['refresh', '--type', 'dir', 'https://cdn.example.com/img/', '--wait'])
    expect(waited.code, waited.stderr).toBe(0)
    const submitted = await ucdn(['refresh', 'https://cdn.example.com/a.js', '-o', 'json'])
    expect(JSON.parse(submitted.stdout)).toEqual({ TaskIds: [expect.any(String)] })
  })

  it('quota --domain shows the demo domain, prefetch enabled', async () => {
    const result = await ucdn(['quota', '--domain', 'ucdn-demo01', '-o', 'json'])
    expect(result.code, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ DomainId: 'ucdn-demo01', PrefetchEnabled: true })
  })

  it('a bad URL is a usage error and nothing is submitted; a foreign host is the API refusing it', async () => {
    const bad = await ucdn(['prefetch', 'ftp://cdn.example.com/a.js'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('ftp://cdn.example.com/a.js')
    const foreign = await ucdn(['prefetch', 'https://elsewhere.example.org/a.js'])
    expect(foreign.code).toBe(3)
    expect(foreign.stderr).toMatch(/1201/)
  })
})
