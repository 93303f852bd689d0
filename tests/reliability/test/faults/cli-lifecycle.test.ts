// The CLI lets go of everything it opened (the built-in demo API's server, the client's sockets, timers), both
// when it finishes and when it is interrupted (Ctrl-C, as an aborted io.signal) in the middle of --watch.
import { type Io, run } from '@scloud/ucdn-cli'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Capture } from '../support/cli.js'
import { activeResources, collectUnhandledRejections, leftAbove } from '../support/leaks.js'

let baseline: Record<string, number>
let rejections: ReturnType<typeof collectUnhandledRejections>
beforeEach(() => {
  baseline = activeResources()
  rejections = collectUnhandledRejections()
})
afterEach(() => rejections.dispose())

function io(signal?: AbortSignal, onSleep?: () => void): Io & { stdout: Capture; stderr: Capture } {
  let now = Date.UTC(2026, 10, 29, 8)
  return {
    stdout: new Capture(),
    stderr: new Capture(),
    env: { HOME: '/nonexistent-home', NO_COLOR: '1', TZ: 'UTC' },
    now: () => now,
    sleep: async (ms, sleepSignal) => {
      now += ms
      onSleep?.()
      sleepSignal?.throwIfAborted()
    },
    ...(signal === undefined ? {} : { signal }),
  }
}

describe('ucdn-prefetch leaves nothing running', () => {
  it('--mock --watch to the end: exit 0 (the demo’s failure is scripted), demo server and sockets closed', async () => {
    const streams = io()
    const code = await run(['--mock', '--watch'], streams)
    expect(code, streams.stderr.text).toBe(0)
    expect(streams.stdout.text).toMatch(/5 tasks: 4 success, 1 failure/)
    expect(await leftAbove(baseline)).toEqual({})
    expect(rejections.reasons).toEqual([])
  })

  it('--mock --watch interrupted at the first wait: exit 130, "interrupted", and everything closed', async () => {
    const controller = new AbortController()
    const streams = io(controller.signal, () => controller.abort(new Error('Interrupted')))
    const code = await run(['--mock', '--watch'], streams)
    expect(code).toBe(130)
    expect(streams.stderr.text).toMatch(/^ucdn-prefetch: interrupted$/m)
    expect(await leftAbove(baseline)).toEqual({})
    expect(rejections.reasons).toEqual([])
  })
})
