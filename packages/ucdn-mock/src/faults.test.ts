import { describe, expect, it } from 'vitest'
import { UcdnMockError } from './errors.js'
import { createFaultInjector, type Fault, type FaultRequest } from './faults.js'
import { realSleep } from './sleep.js'

function req(action?: string): FaultRequest {
  return { request: new Request('https://api.scloudsg.com/'), action, params: Object.create(null) }
}

describe('createFaultInjector', () => {
  it('hits one request by default, then is used up', () => {
    const faults = createFaultInjector()
    const handle = faults.add({ kind: 'http', status: 503 })
    expect(faults.pending()).toBe(1)
    expect(faults.take(req())).toEqual({ kind: 'http', status: 503 })
    expect(handle.remaining()).toBe(0)
    expect(faults.take(req())).toBeUndefined()
    expect(faults.pending()).toBe(0)
  })

  it('hits `times` requests, in the order faults were added', () => {
    const faults = createFaultInjector()
    faults.add({ kind: 'retCode', retCode: 150 }, { times: 2 })
    faults.add({ kind: 'connectionReset' })
    expect([req(), req(), req(), req()].map((r) => faults.take(r)?.kind)).toEqual([
      'retCode',
      'retCode',
      'connectionReset',
      undefined,
    ])
  })

  it('hits only matching requests, leaving the others alone', () => {
    const faults = createFaultInjector()
    const handle = faults.add(
      { kind: 'latency', ms: 10 },
      { times: Infinity, match: (r) => r.action === 'Slow' },
    )
    expect(faults.take(req('Fast'))).toBeUndefined()
    expect(faults.take(req('Slow'))).toEqual({ kind: 'latency', ms: 10 })
    expect(faults.take(req('Slow'))).toEqual({ kind: 'latency', ms: 10 })
    expect(handle.remaining()).toBe(Infinity)
  })

  it('withdraws one fault with remove() and all with clear()', () => {
    const faults = createFaultInjector()
    const first = faults.add({ kind: 'malformedJson' }, { times: 5 })
    faults.add({ kind: 'truncatedJson' }, { times: 5 })
    first.remove()
    expect(first.remaining()).toBe(0)
    expect(faults.take(req())?.kind).toBe('truncatedJson')
    faults.clear()
    expect(faults.take(req())).toBeUndefined()
    expect(faults.pending()).toBe(0)
  })

  it('uses real timers unless a sleep is injected', () => {
    expect(createFaultInjector().sleep).toBe(realSleep)
    const sleep = async () => {}
    expect(createFaultInjector({ sleep }).sleep).toBe(sleep)
  })

  it.each([
    [{ kind: 'latency', ms: -1 }, /ms must be/],
    [{ kind: 'http', status: 404 }, /status must be/],
    [{ kind: 'http', status: 429, retryAfter: 1.5 }, /retryAfter/],
    [{ kind: 'retCode', retCode: 0 }, /non-zero/],
    [{ kind: 'slowBody', chunkDelayMs: Number.NaN }, /chunkDelayMs/],
    [{ kind: 'slowBody', chunkDelayMs: 1, chunks: 0 }, /chunks/],
    [{ kind: 'teapot' }, /kind must be/],
  ])('refuses the invalid fault %j with a UcdnMockError', (fault, message) => {
    const faults = createFaultInjector()
    expect(() => faults.add(fault as Fault)).toThrow(UcdnMockError)
    expect(() => faults.add(fault as Fault)).toThrow(message)
  })

  it.each([0, -1, 1.5, Number.NaN])('refuses times=%s', (times) => {
    expect(() => createFaultInjector().add({ kind: 'connectionReset' }, { times })).toThrow(/times must be/)
  })
})
