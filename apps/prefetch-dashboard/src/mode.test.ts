import { describe, expect, it } from 'vitest'
import { ModeError, resolveMode } from './mode.js'

describe('resolveMode', () => {
  it('defaults to demo at real speed', () => {
    expect(resolveMode('', undefined)).toEqual({ mode: 'demo', demoSpeed: 1 })
    expect(resolveMode('', '')).toEqual({ mode: 'demo', demoSpeed: 1 })
  })

  it('takes the build mode when the address names none', () => {
    expect(resolveMode('?task=x', 'live').mode).toBe('live')
  })

  it('lets ?mode= in the address win over the build mode', () => {
    expect(resolveMode('?mode=demo', 'live').mode).toBe('demo')
    expect(resolveMode('?mode=live', undefined).mode).toBe('live')
  })

  it('reads a demo speed-up from ?speed=', () => {
    expect(resolveMode('?speed=10', undefined)).toEqual({ mode: 'demo', demoSpeed: 10 })
  })

  it('refuses unknown modes and bad speeds instead of guessing', () => {
    expect(() => resolveMode('?mode=prod', undefined)).toThrow(ModeError)
    expect(() => resolveMode('', 'staging')).toThrow(/Unknown mode "staging"/)
    expect(() => resolveMode('?speed=0', undefined)).toThrow(/speed/)
    expect(() => resolveMode('?speed=fast', undefined)).toThrow(/speed/)
    expect(() => resolveMode('?speed=1000', undefined)).toThrow(/1 to 100/)
    expect(() => resolveMode('?mode=live&speed=2', undefined)).toThrow(/needs demo mode/)
  })
})
