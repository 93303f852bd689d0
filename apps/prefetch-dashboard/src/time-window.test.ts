import { describe, expect, it } from 'vitest'
import {
  isWindowPresetId,
  parseLocalDateTime,
  resolveTimeWindow,
  toLocalDateTimeInput,
  WINDOW_PRESETS,
} from './time-window.js'

const NOW_MS = 1_767_225_600_500 // 2026-01-01T00:00:00.5Z
const NOW = 1_767_225_600

describe('resolveTimeWindow', () => {
  it('ends presets at now (whole seconds) and starts them their length before', () => {
    expect(resolveTimeWindow({ kind: 'preset', preset: '1h' }, NOW_MS)).toEqual({
      ok: true,
      window: { since: NOW - 3_600, until: NOW },
    })
    expect(resolveTimeWindow({ kind: 'preset', preset: '24h' }, NOW_MS)).toEqual({
      ok: true,
      window: { since: NOW - 86_400, until: NOW },
    })
  })

  it('slides a preset with the clock', () => {
    const later = resolveTimeWindow({ kind: 'preset', preset: '6h' }, NOW_MS + 60_000)
    expect(later).toEqual({ ok: true, window: { since: NOW + 60 - 21_600, until: NOW + 60 } })
  })

  it('reads a custom window in local time, an empty end meaning now', () => {
    const since = new Date(2025, 11, 31, 22, 30).getTime() / 1000
    const until = new Date(2025, 11, 31, 23, 0).getTime() / 1000
    expect(
      resolveTimeWindow({ kind: 'custom', since: '2025-12-31T22:30', until: '2025-12-31T23:00' }, NOW_MS),
    ).toEqual({
      ok: true,
      window: { since, until },
    })
    expect(resolveTimeWindow({ kind: 'custom', since: '2025-12-31T22:30', until: '' }, NOW_MS)).toEqual({
      ok: true,
      window: { since, until: NOW },
    })
  })

  it('says what is wrong with a custom window', () => {
    expect(resolveTimeWindow({ kind: 'custom', since: '', until: '' }, NOW_MS)).toEqual({
      ok: false,
      message: 'Choose when the custom window starts.',
    })
    expect(
      resolveTimeWindow({ kind: 'custom', since: '2025-12-31T22:30', until: 'soon' }, NOW_MS),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/end of the custom window/),
    })
    expect(
      resolveTimeWindow({ kind: 'custom', since: '2025-12-31T23:00', until: '2025-12-31T22:00' }, NOW_MS),
    ).toEqual({ ok: false, message: 'The custom window must start before it ends.' })
  })
})

describe('parseLocalDateTime / toLocalDateTimeInput', () => {
  it('round-trips a datetime-local value', () => {
    const seconds = parseLocalDateTime('2026-03-04T05:06')
    expect(seconds).toBe(new Date(2026, 2, 4, 5, 6).getTime() / 1000)
    expect(toLocalDateTimeInput(seconds!)).toBe('2026-03-04T05:06')
  })

  it('rejects anything that is not a datetime-local value', () => {
    for (const bad of ['', '2026-03-04', '2026-03-04 05:06', '2026-13-40T99:99', 'tomorrow', '1767225600']) {
      expect(parseLocalDateTime(bad), bad).toBeUndefined()
    }
  })
})

describe('isWindowPresetId', () => {
  it('knows the presets and nothing else', () => {
    for (const preset of WINDOW_PRESETS) expect(isWindowPresetId(preset.id)).toBe(true)
    expect(isWindowPresetId('custom')).toBe(false)
    expect(isWindowPresetId('2h')).toBe(false)
  })
})
