import { describe, expect, it } from 'vitest'
import { describeStatus, parseStatusFilter, STATUS_FILTER_OPTIONS } from './status.js'

describe('describeStatus', () => {
  it('names the documented statuses in plain words', () => {
    expect(describeStatus('success')).toEqual({ label: 'Done', tone: 'done', mark: '✓' })
    expect(describeStatus('failure')).toEqual({ label: 'Failed', tone: 'failed', mark: '✗' })
    expect(describeStatus('process')).toEqual({ label: 'Prefetching', tone: 'active', mark: '' })
    expect(describeStatus('wait')).toEqual({ label: 'Queued', tone: 'queued', mark: '' })
    expect(describeStatus('unknow')).toEqual({ label: 'Unknown', tone: 'unknown', mark: '' })
  })

  it('says "Refreshing" for a refresh task in progress', () => {
    expect(describeStatus('process', 'refresh')).toEqual({ label: 'Refreshing', tone: 'active', mark: '' })
    expect(describeStatus('success', 'refresh').label).toBe('Done')
  })

  it('keeps an undocumented status as the API spelled it', () => {
    expect(describeStatus('ySoPLGgE')).toEqual({ label: 'ySoPLGgE', tone: 'unknown', mark: '' })
    expect(describeStatus('constructor')).toEqual({ label: 'constructor', tone: 'unknown', mark: '' })
    expect(describeStatus(undefined)).toEqual({ label: 'Unknown', tone: 'unknown', mark: '' })
  })
})

describe('parseStatusFilter', () => {
  it('accepts exactly the statuses the API filters on', () => {
    expect(parseStatusFilter('process')).toBe('process')
    expect(parseStatusFilter('')).toBeUndefined()
    expect(parseStatusFilter('done')).toBeUndefined()
  })

  it('offers every status once, plus "all"', () => {
    const values = STATUS_FILTER_OPTIONS.map((o) => o.value)
    expect(new Set(values).size).toBe(values.length)
    expect([...values].sort()).toEqual(['', 'failure', 'process', 'success', 'unknow', 'wait'])
  })
})
