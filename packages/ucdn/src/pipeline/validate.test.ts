// The validate step, generic from the descriptor, as describePrefetchTasks uses it (the SDK's names).
import { DescribeNewUcdnPrefetchCacheTask } from '@scloud/ucdn-client'
import { describe, expect, it } from 'vitest'
import { UcdnError } from '../errors.js'
import { validate } from './validate.js'

const toDescribeRequest = (params: unknown, defaults: { projectId?: string } = {}) =>
  validate(
    DescribeNewUcdnPrefetchCacheTask,
    params,
    { method: 'describePrefetchTasks', names: 'sdkName' },
    defaults.projectId,
  ) as Record<string, unknown>

function rejection(params: unknown): UcdnError {
  try {
    toDescribeRequest(params)
  } catch (error) {
    if (error instanceof UcdnError) return error
    throw error
  }
  throw new Error('expected a rejection')
}

describe('validate (describePrefetchTasks)', () => {
  it('maps SDK names to the wire parameters', () => {
    expect(
      toDescribeRequest({
        taskIds: ['a', 'b'],
        beginTime: 10,
        endTime: 20,
        status: 'success',
        offset: 5,
        limit: 7,
        isDcdn: true,
        projectId: 'org-1',
      }),
    ).toEqual({
      Action: 'DescribeNewUcdnPrefetchCacheTask',
      TaskId: ['a', 'b'],
      BeginTime: 10,
      EndTime: 20,
      Status: 'success',
      Offset: 5,
      Limit: 7,
      IsDcdn: true,
      ProjectId: 'org-1',
    })
  })

  it('accepts no params at all', () => {
    expect(toDescribeRequest(undefined)).toEqual({ Action: 'DescribeNewUcdnPrefetchCacheTask' })
    expect(toDescribeRequest({})).toEqual({ Action: 'DescribeNewUcdnPrefetchCacheTask' })
  })

  it('turns Dates into whole Unix seconds', () => {
    const request = toDescribeRequest({
      beginTime: new Date('2026-11-29T00:00:00.900Z'),
      endTime: new Date('2026-11-30T00:00:00Z'),
    })
    expect(request.BeginTime).toBe(Date.UTC(2026, 10, 29) / 1000)
    expect(request.EndTime).toBe(Date.UTC(2026, 10, 30) / 1000)
  })

  it('uses the default projectId only when the call does not set its own', () => {
    expect(toDescribeRequest({}, { projectId: 'default' }).ProjectId).toBe('default')
    expect(toDescribeRequest({ projectId: 'mine' }, { projectId: 'default' }).ProjectId).toBe('mine')
  })

  it.each<[string, unknown, string]>([
    ['an empty task id', { taskIds: ['a', ''] }, 'taskIds[1] must be a non-empty string'],
    ['a task id that is not a string', { taskIds: [1] }, 'taskIds[0] must be a non-empty string, got 1'],
    ['taskIds that is not an array', { taskIds: 'a' }, 'taskIds must be an array of non-empty strings'],
    [
      'a status outside the enum',
      { status: 'done' },
      'status must be one of success, wait, process, failure, unknow, got "done"',
    ],
    ['a negative offset', { offset: -1 }, 'offset must be an integer ≥ 0, got -1'],
    ['a fractional offset', { offset: 1.5 }, 'offset must be an integer ≥ 0, got 1.5'],
    ['a numeric-string limit', { limit: '10' }, 'limit must be an integer ≥ 0, got "10"'],
    ['a negative limit', { limit: -3 }, 'limit must be an integer ≥ 0'],
    ['a NaN limit', { limit: Number.NaN }, 'limit must be an integer ≥ 0'],
    ['an invalid Date', { beginTime: new Date('nope') }, 'beginTime must be Unix seconds'],
    ['a negative time', { beginTime: -1 }, 'beginTime must be Unix seconds'],
    [
      'milliseconds for seconds',
      { beginTime: 1_800_000_000_000 },
      'beginTime must be Unix seconds (an integer from 0 to 99999999999) or a valid Date, got 1800000000000 (it looks like milliseconds)',
    ],
    ['a non-boolean isDcdn', { isDcdn: 'yes' }, 'isDcdn must be a boolean'],
    ['an empty projectId', { projectId: '' }, 'projectId must be a non-empty string'],
    ['endTime without beginTime', { endTime: 100 }, 'beginTime is required when endTime is given'],
    [
      'beginTime after endTime',
      { beginTime: 200, endTime: 100 },
      'beginTime (200) must not be after endTime',
    ],
    ['an unknown key', { taskId: ['a'] }, 'unknown parameter "taskId"'],
    [
      'a task id with a lone surrogate',
      { taskIds: ['ok', 'a\uD800b'] },
      'taskIds[1] must be well-formed Unicode',
    ],
    ['a projectId with a lone surrogate', { projectId: '\uDC00' }, 'projectId must be well-formed Unicode'],
    ['params that are not an object', 'a', 'params must be an object'],
    ['null params', null, 'params must be an object'],
  ])('rejects %s with INVALID_INPUT naming the field', (_, params, message) => {
    const error = rejection(params)
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.retryable).toBe(false)
    expect(error.message).toContain(message)
    expect(error.message).toMatch(/^describePrefetchTasks: /)
  })

  it('counts further problems without listing them', () => {
    expect(rejection({ offset: -1, limit: -1, status: 'x' }).message).toContain('(and 2 more problems)')
  })

  it('accepts surrogate pairs (emoji) in task ids', () => {
    expect(toDescribeRequest({ taskIds: ['task-😀'] }).TaskId).toEqual(['task-😀'])
  })

  it('accepts beginTime alone and beginTime equal to endTime', () => {
    expect(toDescribeRequest({ beginTime: 5 }).BeginTime).toBe(5)
    expect(toDescribeRequest({ beginTime: 5, endTime: 5 }).EndTime).toBe(5)
  })
})
