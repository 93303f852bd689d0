// createUcdnHandlers' onRequest: one entry per answered request, faults included, never a parameter value.
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createFaultInjector, createUcdnHandlers, type RequestLogEntry } from '../../src/index.js'
import { ACTION, formRequest, sign } from '../support/requests.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

describe('onRequest', () => {
  it('reports method, action, RetCode, status, fault and duration of each request', async () => {
    const entries: RequestLogEntry[] = []
    const faults = createFaultInjector()
    server.use(...createUcdnHandlers({ faults, onRequest: (entry) => entries.push(entry) }))
    await fetch(formRequest(sign({ Action: ACTION })))
    await fetch(formRequest(sign({ Action: ACTION, Limit: 'many' })))
    faults.add({ kind: 'retCode', retCode: 150 })
    await fetch(formRequest(sign({ Action: ACTION })))
    faults.add({ kind: 'connectionReset' })
    await fetch(formRequest(sign({ Action: ACTION }))).catch(() => undefined)
    expect(entries.map(({ durationMs: _, ...rest }) => rest)).toEqual([
      { method: 'POST', action: ACTION, retCode: 0, status: 200, fault: undefined },
      { method: 'POST', action: ACTION, retCode: 230, status: 200, fault: undefined },
      { method: 'POST', action: ACTION, retCode: 150, status: 200, fault: 'retCode' },
      { method: 'POST', action: ACTION, retCode: undefined, status: 0, fault: 'connectionReset' },
    ])
    expect(entries.every((e) => Number.isInteger(e.durationMs) && e.durationMs >= 0)).toBe(true)
  })
})
