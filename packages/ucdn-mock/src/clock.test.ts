import { describe, expect, it } from 'vitest'
import { createManualClock, systemClock } from './clock.js'
import { UcdnMockError } from './errors.js'

describe('createManualClock', () => {
  it('starts where told and moves only with advance() and set()', () => {
    const clock = createManualClock(1_000)
    expect(clock.now()).toBe(1_000)
    clock.advance(250)
    expect(clock.now()).toBe(1_250)
    clock.set(10)
    expect(clock.now()).toBe(10)
  })

  it('rejects negative, fractional or non-finite instants and steps with a UcdnMockError', () => {
    expect(() => createManualClock(-1)).toThrow(UcdnMockError)
    expect(() => createManualClock(1.5)).toThrow(/whole number of milliseconds/)
    const clock = createManualClock(0)
    expect(() => clock.advance(-5)).toThrow(/advance\(ms\)/)
    expect(() => clock.advance(Number.NaN)).toThrow(UcdnMockError)
    expect(() => clock.set(Number.POSITIVE_INFINITY)).toThrow(UcdnMockError)
    expect(clock.now()).toBe(0)
  })
})

describe('systemClock', () => {
  it('reads Date.now()', () => {
    const before = Date.now()
    const now = systemClock.now()
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })
})
