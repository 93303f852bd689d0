import { describe, expect, it } from 'vitest'
import {
  type ActionName,
  DescribeNewUcdnPrefetchCacheTask,
  DescribeNewUcdnPrefetchCacheTaskResponseFromJSON,
  operations,
} from '../src/index.js'
import { operations as operationsFromSchemas } from '../src/schemas.js'

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
      { wire: 'Status', model: 'status', sdkName: 'status', type: 'string', required: false },
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
    expect(
      op.request.safeParse({ ...base, BeginTime: 99_999_999_999, EndTime: 99_999_999_999 }).success,
    ).toBe(true)
    expect(op.request.safeParse({ ...base, BeginTime: 100_000_000_000 }).success).toBe(false)
    expect(op.request.safeParse({ ...base, BeginTime: 0, EndTime: 1_700_000_000_000 }).success).toBe(false)
  })

  it('has spec-valid examples, and checkAndMap maps the example answer as zod + FromJSON do', () => {
    expect(op.request.safeParse(op.example.request).success).toBe(true)
    const parsed = op.response.parse(op.example.response)
    expect(op.checkAndMap(op.example.response)).toStrictEqual(
      DescribeNewUcdnPrefetchCacheTaskResponseFromJSON(parsed),
    )
    expect(op.checkAndMap({ ...op.example.response, RetCode: '0x1' })).toBeUndefined()
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
