import { describe, expect, it } from 'vitest'
import { createScaledClock } from './scaled-clock.js'

describe('createScaledClock', () => {
  it('starts at the start and runs `speed` times faster, in whole milliseconds', () => {
    let real = 1_000
    const clock = createScaledClock(10, 1_000, () => real)
    expect(clock.now()).toBe(1_000)
    real = 1_250
    expect(clock.now()).toBe(3_500)
    real = 1_250.07
    expect(Number.isInteger(clock.now())).toBe(true)
  })
})
