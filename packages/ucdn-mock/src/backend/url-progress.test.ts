import { describe, expect, it } from 'vitest'
import { taskStatusOf, type UrlPlan, type UrlProgress, urlProgressAt } from './url-progress.js'

const plan: UrlPlan = {
  url: 'https://cdn.example.com/a.js',
  waitMs: 1_000,
  processMs: 4_000,
  outcome: 'success',
}

describe('urlProgressAt', () => {
  it('waits, then processes with rising progress, then succeeds at 100 % with a finish time', () => {
    expect(urlProgressAt(plan, 10_000, 10_000)).toEqual({ status: 'wait', progress: 0 })
    expect(urlProgressAt(plan, 10_000, 10_999)).toEqual({ status: 'wait', progress: 0 })
    expect(urlProgressAt(plan, 10_000, 11_000)).toEqual({ status: 'process', progress: 0 })
    expect(urlProgressAt(plan, 10_000, 12_000)).toEqual({ status: 'process', progress: 25 })
    expect(urlProgressAt(plan, 10_000, 14_999)).toEqual({ status: 'process', progress: 99 })
    expect(urlProgressAt(plan, 10_000, 15_000)).toEqual({
      status: 'success',
      progress: 100,
      finishedAt: 15_000,
    })
    expect(urlProgressAt(plan, 10_000, 99_000)).toEqual({
      status: 'success',
      progress: 100,
      finishedAt: 15_000,
    })
  })

  it('ends a failing URL at `failure` with progress 0', () => {
    const failing = { ...plan, outcome: 'failure' } as const
    expect(urlProgressAt(failing, 0, 3_000).status).toBe('process')
    expect(urlProgressAt(failing, 0, 5_000)).toEqual({ status: 'failure', progress: 0, finishedAt: 5_000 })
  })

  it('treats a clock before the creation time as still waiting', () => {
    expect(urlProgressAt(plan, 10_000, 0)).toEqual({ status: 'wait', progress: 0 })
  })

  it('finishes a URL with no queue and no processing time at once', () => {
    const instant = { ...plan, waitMs: 0, processMs: 0 }
    expect(urlProgressAt(instant, 7, 7)).toEqual({ status: 'success', progress: 100, finishedAt: 7 })
  })
})

describe('taskStatusOf', () => {
  const at = (status: UrlProgress['status']): UrlProgress => ({ status, progress: 0 })

  it.each([
    [['wait', 'wait'], 'wait'],
    [['success', 'wait'], 'wait'],
    [['failure', 'wait'], 'wait'],
    [['success', 'process', 'failure'], 'process'],
    [['wait', 'process'], 'process'],
    [['success', 'success'], 'success'],
    [['success', 'failure'], 'failure'],
    [['failure'], 'failure'],
  ] as const)('URLs %j → task %s', (urls, expected) => {
    expect(taskStatusOf(urls.map(at))).toBe(expected)
  })
})
