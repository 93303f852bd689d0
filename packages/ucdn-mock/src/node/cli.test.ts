import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { signParams } from '@scloud/signer'
import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_CREDENTIALS } from '../credentials.js'
import { runMockServerCli } from './cli.js'
import type { MockServer } from './server.js'

const started: MockServer<never>[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()))
})

async function run(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const result = await runMockServerCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) })
  if (typeof result !== 'number') started.push(result as MockServer<never>)
  return { result, out: out.join(''), err: err.join('') }
}

async function describeAll(url: string) {
  const params: Record<string, string> = {
    Action: 'DescribeNewUcdnPrefetchCacheTask',
    PublicKey: DEMO_CREDENTIALS.publicKey,
  }
  params.Signature = signParams(params, DEMO_CREDENTIALS.privateKey)
  const response = await fetch(url, { method: 'POST', body: new URLSearchParams(params) })
  return (await response.json()) as { RetCode: number; TotalCount?: number; Test?: string }
}

describe('ucdn-mock-server', () => {
  it('starts an empty server on loopback and prints its URL and the demo credentials', async () => {
    const { result, out } = await run('--port', '0')
    expect(typeof result).toBe('object')
    const url = (result as MockServer).url
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(out).toContain(`listening on ${url} (no tasks)`)
    expect(out).toContain(`UCLOUD_API_BASE_URL=${url}`)
    expect(out).toContain(`UCLOUD_PUBLIC_KEY=${DEMO_CREDENTIALS.publicKey}`)
    expect(out).toContain(`UCLOUD_PRIVATE_KEY=${DEMO_CREDENTIALS.privateKey}`)
    expect(await describeAll(url)).toMatchObject({ RetCode: 0, TotalCount: 0 })
  })

  it('serves the demo data with --demo', async () => {
    const { result, out } = await run('--demo')
    expect(out).toContain('(demo data)')
    expect(await describeAll((result as MockServer).url)).toMatchObject({ RetCode: 0, TotalCount: 5 })
  })

  it('serves the reference example with --fixture reference', async () => {
    const { result } = await run('--fixture', 'reference')
    expect(await describeAll((result as MockServer).url)).toMatchObject({ RetCode: 0, Test: 'ryEuYMgQ' })
  })

  it('prints help with --help and exits 0', async () => {
    const { result, out } = await run('--help')
    expect(result).toBe(0)
    expect(out).toMatch(/^Usage: ucdn-mock-server/)
  })

  it.each([
    [['--port', 'eighty'], /--port must be a number/],
    [['--port', '70000'], /--port must be a number/],
    [['--demo', '--fixture', 'reference'], /not both/],
    [['--fixture', 'nope'], /Unknown fixture nope/],
    [['--verbose'], /Unknown option/],
    [['extra'], /positional/],
  ])('refuses %j with exit code 2 and the usage', async (args, message) => {
    const { result, err } = await run(...args)
    expect(result).toBe(2)
    expect(err).toMatch(message)
    expect(err).toContain('Usage: ucdn-mock-server')
  })

  it('exits 1 when the server cannot start', async () => {
    const first = await run()
    const port = new URL((first.result as MockServer).url).port
    const { result, err } = await run('--port', port)
    expect(result).toBe(1)
    expect(err).toMatch(/cannot start: .*EADDRINUSE/)
  })

  it('has a bin with a node shebang', () => {
    const bin = readFileSync(fileURLToPath(new URL('../bin.ts', import.meta.url)), 'utf8')
    expect(bin.startsWith('#!/usr/bin/env node\n')).toBe(true)
  })
})
