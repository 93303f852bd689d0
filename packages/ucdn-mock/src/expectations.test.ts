import { operationSchemas } from '@scloud/ucdn-client/schemas'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { describeExpectations } from './expectations.js'

describe('describeExpectations', () => {
  it('describes every parameter of DescribeNewUcdnPrefetchCacheTask from the spec', () => {
    const words = describeExpectations(operationSchemas.DescribeNewUcdnPrefetchCacheTask.request)
    expect(Object.fromEntries(words)).toEqual({
      Action: 'expected one of DescribeNewUcdnPrefetchCacheTask',
      ProjectId: 'expected a non-empty string',
      TaskId: 'expected a non-empty string',
      BeginTime: 'expected a natural number',
      EndTime: 'expected a natural number',
      Status: 'expected one of success, wait, process, failure, unknow',
      Offset: 'expected a natural number',
      Limit: 'expected a natural number',
      IsDcdn: 'expected true or false',
    })
  })

  it('words other minimums, plain strings and numbers', () => {
    const words = describeExpectations(
      z.object({
        A: z.int().check(z.gte(5)),
        B: z.int(),
        C: z.string(),
        D: z.number(),
        E: z.array(z.boolean()),
      }),
    )
    expect(Object.fromEntries(words)).toEqual({
      A: 'expected an integer ≥ 5',
      B: 'expected an integer',
      C: 'expected a string',
      D: 'expected a number',
      E: 'expected true or false',
    })
  })
})
