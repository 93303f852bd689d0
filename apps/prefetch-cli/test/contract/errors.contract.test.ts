import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { controlCharacters } from '../control-characters.js'
import { lines, runCli, useWorld } from '../harness.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const ALWAYS = { times: Number.POSITIVE_INFINITY }

describe('API and network errors exit 3 with one line on stderr', () => {
  it('an API error: the RetCode, the message and the request id', async () => {
    const { clock, faults } = useWorld(server)
    faults.add({ kind: 'retCode', retCode: 299, message: 'Permission denied' }, ALWAYS)
    const result = await runCli([], clock)
    expect(result.code).toBe(3)
    expect(result.stdout).toBe('')
    expect(lines(result.stderr)).toHaveLength(1)
    expect(result.stderr).toMatch(/^ucdn-prefetch: .*RetCode 299.*Permission denied.*request id \S+/)
  })

  it("an API error's Message is shown escaped: it cannot drive the terminal or forge a line", async () => {
    const { clock, faults } = useWorld(server)
    const message = 'Denied\u001b]0;pwned\u0007\u001b[2J\nucdn-prefetch: all fine'
    faults.add({ kind: 'retCode', retCode: 299, message }, ALWAYS)
    const result = await runCli(['--verbose'], clock)
    expect(result.code).toBe(3)
    expect(result.stderr).toMatch(
      /^ucdn-prefetch: .*RetCode 299: Denied\\x1b\]0;pwned\\x07\\x1b\[2J.*all fine/m,
    )
    expect(controlCharacters(result.stderr)).toEqual([])
    expect(lines(result.stderr).filter((line) => line.startsWith('ucdn-prefetch:'))).toHaveLength(1)
  })

  it('a signature the API rejects, without ever showing the key, even with --verbose', async () => {
    const { clock } = useWorld(server)
    const wrongKey = 'wrong-private-key-0123456789'
    const result = await runCli(['--verbose'], clock, { env: { UCLOUD_PRIVATE_KEY: wrongKey } })
    expect(result.code).toBe(3)
    expect(result.stderr).toMatch(/^ucdn-prefetch: .*RetCode 171/m)
    expect(result.stderr).toContain('  code API_ERROR')
    expect(result.stderr).not.toContain(wrongKey)
    expect(result.stderr).not.toMatch(/[0-9a-f]{40}/)
  })

  it('HTTP 5xx, after the retries', async () => {
    const { clock, faults } = useWorld(server)
    faults.add({ kind: 'http', status: 503 }, ALWAYS)
    const result = await runCli([], clock)
    expect(result.code).toBe(3)
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^ucdn-prefetch: .*HTTP 503/)])
    const verbose = await runCli(['--verbose'], clock)
    expect(verbose.stderr).toContain('  attempts 3')
    expect(verbose.stderr.match(/^debug: .*attempt \d\/3/gm)).toHaveLength(3)
  })

  it('a 5xx that goes away is retried and the listing succeeds', async () => {
    const { clock, faults } = useWorld(server)
    faults.add({ kind: 'http', status: 502 })
    const result = await runCli([], clock)
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toContain('tDone')
  })

  it('a network error', async () => {
    const { clock, faults } = useWorld(server)
    faults.add({ kind: 'connectionReset' }, ALWAYS)
    const result = await runCli([], clock)
    expect(result.code).toBe(3)
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^ucdn-prefetch: .*could not reach/)])
  })

  it('a timeout, in the words of the CLI (--timeout)', async () => {
    const { clock, faults } = useWorld(server)
    faults.add({ kind: 'latency', ms: 60_000 }, ALWAYS)
    const result = await runCli(['--timeout', '0.02'], clock)
    expect(result.code).toBe(3)
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(/^ucdn-prefetch: .*no answer within 20 ms; raise --timeout/),
    ])
  })

  it('an answer that is not JSON', async () => {
    const { clock, faults } = useWorld(server)
    faults.add({ kind: 'malformedJson' }, ALWAYS)
    const result = await runCli([], clock)
    expect(result.code).toBe(3)
    expect(lines(result.stderr)).toHaveLength(1)
    expect(result.stderr).toMatch(/^ucdn-prefetch: .*(JSON|invalid|unexpected)/i)
  })

  it('shows the cause chain with --verbose, never a stack trace', async () => {
    const { clock, faults } = useWorld(server)
    faults.add({ kind: 'connectionReset' }, ALWAYS)
    const result = await runCli(['--verbose'], clock)
    expect(result.code).toBe(3)
    expect(result.stderr).toContain('  code NETWORK_ERROR')
    expect(result.stderr).toMatch(/^ {2}caused by /m)
    expect(result.stderr).not.toMatch(/^\s+at /m)
  })
})
