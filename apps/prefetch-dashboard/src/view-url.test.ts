import { describe, expect, it } from 'vitest'
import { DEFAULT_VIEW, readViewState, writeViewState } from './view-url.js'

describe('readViewState', () => {
  it('reads status and a preset window, and defaults to every status over 24 hours', () => {
    expect(readViewState('?mode=demo&status=failure&window=1h')).toEqual({
      state: { status: 'failure', window: '1h' },
      problems: [],
    })
    expect(readViewState('')).toEqual({ state: DEFAULT_VIEW, problems: [] })
  })

  it('reads a custom window in Unix seconds, with or without an end', () => {
    expect(readViewState('?window=custom&since=1767225600&until=1767229200').state).toEqual({
      status: undefined,
      window: 'custom',
      since: 1_767_225_600,
      until: 1_767_229_200,
    })
    expect(readViewState('?window=custom&since=1767225600').state.until).toBeUndefined()
  })

  it('names what it cannot use and falls back to the default for it', () => {
    expect(readViewState('?status=done&window=2h')).toEqual({
      state: DEFAULT_VIEW,
      problems: [
        'status=done (use one of success, wait, process, failure, unknow)',
        'window=2h (use 1h, 6h, 24h or custom)',
      ],
    })
    expect(readViewState('?window=custom').problems).toEqual([
      'window=custom without a valid since= (Unix seconds)',
    ])
    expect(readViewState('?window=custom&since=20&until=10').problems).toEqual([
      'since= must be before until=',
    ])
    expect(readViewState('?window=custom&since=20&until=soon').problems).toEqual([
      'until=soon (Unix seconds)',
    ])
  })
})

describe('the task kind', () => {
  it('reads and writes tasks=refresh, prefetch being the default', () => {
    expect(readViewState('?tasks=refresh&status=wait').state).toEqual({
      kind: 'refresh',
      status: 'wait',
      window: '24h',
    })
    expect(readViewState('?tasks=purge').problems).toEqual(['tasks=purge (use prefetch or refresh)'])
    expect(writeViewState('?mode=demo', { kind: 'refresh', status: undefined, window: '1h' })).toBe(
      '?mode=demo&tasks=refresh&window=1h',
    )
    expect(writeViewState('?tasks=refresh', { kind: 'prefetch', ...DEFAULT_VIEW })).toBe('')
  })
})

describe('writeViewState', () => {
  it('keeps other parameters, leaves defaults out and round-trips', () => {
    const state = { status: 'process', window: 'custom', since: 100, until: 200 } as const
    const search = writeViewState('?mode=demo&speed=5&status=wait', state)
    expect(search).toBe('?mode=demo&speed=5&status=process&window=custom&since=100&until=200')
    expect(readViewState(search).state).toEqual(state)
    expect(writeViewState('?mode=live&window=1h', DEFAULT_VIEW)).toBe('?mode=live')
    expect(writeViewState('?window=1h', DEFAULT_VIEW)).toBe('')
  })
})
