import { describe, expect, it } from 'vitest'
import {
  type ActionName,
  DescribeNewUcdnPrefetchCacheTask,
  DescribeNewUcdnPrefetchCacheTaskResponseFromJSON,
  operations,
} from '../src/index.js'
import { operationSchemas, operations as operationsFromSchemas } from '../src/schemas.js'

const op = DescribeNewUcdnPrefetchCacheTask

describe('the generated DescribeNewUcdnPrefetchCacheTask descriptor', () => {
  it('carries the x-scloud metadata of the spec', () => {
    expect(op.action).toBe('DescribeNewUcdnPrefetchCacheTask')
    expect(op.idempotent).toBe(true)
    expect(op.retCodes).toEqual({})
    expect(op.pagination).toEqual({
      offset: 'offset',
      limit: 'limit',
      items: 'taskList',
      total: 'totalCount',
      wire: { offset: 'Offset', limit: 'Limit', items: 'TaskList', total: 'TotalCount' },
    })
  })

  it('lists every request parameter but Action, in spec order, with model and SDK names', () => {
    expect(op.fields).toEqual([
      { wire: 'ProjectId', model: 'projectId', sdkName: 'projectId', type: 'string', required: false },
      { wire: 'TaskId', model: 'taskId', sdkName: 'taskIds', type: 'string[]', required: false },
      {
        wire: 'BeginTime',
        model: 'beginTime',
        sdkName: 'beginTime',
        type: 'integer',
        required: false,
        time: 'unix-seconds',
      },
      {
        wire: 'EndTime',
        model: 'endTime',
        sdkName: 'endTime',
        type: 'integer',
        required: false,
        time: 'unix-seconds',
      },
      {
        wire: 'Status',
        model: 'status',
        sdkName: 'status',
        type: 'string',
        required: false,
        enum: ['success', 'wait', 'process', 'failure', 'unknow'],
      },
      { wire: 'Offset', model: 'offset', sdkName: 'offset', type: 'integer', required: false },
      { wire: 'Limit', model: 'limit', sdkName: 'limit', type: 'integer', required: false },
      { wire: 'IsDcdn', model: 'isDcdn', sdkName: 'isDcdn', type: 'boolean', required: false },
    ])
  })

  it('compiles x-scloud-rules: EndTime needs BeginTime, BeginTime not after EndTime', () => {
    const base = { Action: 'DescribeNewUcdnPrefetchCacheTask' } as const
    expect(op.checkRules({ ...base })).toBeUndefined()
    expect(op.checkRules({ ...base, BeginTime: 5 })).toBeUndefined()
    expect(op.checkRules({ ...base, BeginTime: 5, EndTime: 5 })).toBeUndefined()
    expect(op.checkRules({ ...base, EndTime: 5 })).toEqual({
      field: 'BeginTime',
      detail: 'required when EndTime is given',
    })
    expect(op.checkRules({ ...base, BeginTime: 6, EndTime: 5 })).toEqual({
      field: 'BeginTime',
      detail: 'must not be after EndTime',
    })
  })

  it('refuses begin and end times of 10^11 or more (milliseconds by mistake), as the spec says', () => {
    const base = { Action: 'DescribeNewUcdnPrefetchCacheTask' }
    const { request } = operationSchemas.DescribeNewUcdnPrefetchCacheTask
    const ok = { ...base, BeginTime: 99_999_999_999, EndTime: 99_999_999_999 }
    expect(request.safeParse(ok).success).toBe(true)
    expect(op.checkRequest(ok)).toBeUndefined()
    for (const bad of [
      { ...base, BeginTime: 100_000_000_000 },
      { ...base, BeginTime: 0, EndTime: 1_700_000_000_000 },
    ]) {
      expect(request.safeParse(bad).success).toBe(false)
      expect(op.checkRequest(bad)).toEqual([
        expect.objectContaining({ expected: 'an integer from 0 to 99999999999', tooBig: true }),
      ])
    }
  })

  it('names every problem of a request: the field, the item of an array, what it must be', () => {
    expect(
      op.checkRequest({ Action: op.action, TaskId: ['a', ''], Offset: -1, Status: 'done', IsDcdn: 'no' }),
    ).toEqual([
      { field: 'TaskId', index: 1, input: '', expected: 'a non-empty string' },
      { field: 'Status', input: 'done', expected: 'one of success, wait, process, failure, unknow' },
      { field: 'Offset', input: -1, expected: 'an integer ≥ 0' },
      { field: 'IsDcdn', input: 'no', expected: 'a boolean' },
    ])
    expect(op.checkRequest({ Action: op.action, TaskId: 'a' })).toEqual([
      { field: 'TaskId', input: 'a', expected: 'an array of non-empty strings' },
    ])
  })

  it('has spec-valid examples, and checkAndMap maps the example answer as zod + FromJSON do', () => {
    const { request, response, example } = operationSchemas.DescribeNewUcdnPrefetchCacheTask
    expect(request.safeParse(example.request).success).toBe(true)
    expect(op.checkRequest(example.request as Record<string, unknown>)).toBeUndefined()
    const parsed = response.parse(example.response)
    expect(op.checkAndMap(example.response)).toStrictEqual(
      DescribeNewUcdnPrefetchCacheTaskResponseFromJSON(parsed),
    )
    expect(op.checkAndMap({ ...example.response, RetCode: '0x1' })).toBeUndefined()
    expect(op.responseMiss()).toEqual({
      path: ['RetCode'],
      expected: 'an integer or a string matching /^-?[0-9]+$/',
    })
    const urls = (example.response.TaskList ?? []).map((task, i) =>
      i === 1 ? { ...task, UrlLists: [{}, { Progress: '50%' }] } : task,
    )
    expect(op.checkAndMap({ ...example.response, TaskList: urls })).toBeUndefined()
    expect(op.responseMiss()).toEqual({
      path: ['TaskList', 1, 'UrlLists', 1, 'Progress'],
      expected: 'an integer',
    })
  })

  it('is frozen', () => {
    expect(Object.isFrozen(op)).toBe(true)
  })
})

describe('operations', () => {
  it('holds every descriptor by its action name, from both entry points', () => {
    for (const action of Object.keys(operations) as ActionName[])
      expect(operations[action].action).toBe(action)
    expect(operations.DescribeNewUcdnPrefetchCacheTask).toBe(op)
    expect(operationsFromSchemas).toBe(operations)
  })
})
