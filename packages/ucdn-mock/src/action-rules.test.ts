import { describe, expect, it } from 'vitest'
import { checkActionRules } from './action-rules.js'

const Action = 'DescribeNewUcdnPrefetchCacheTask' as const

describe('DescribeNewUcdnPrefetchCacheTask rules', () => {
  it('requires BeginTime when EndTime is given', () => {
    expect(checkActionRules(Action, { Action, EndTime: 10 })).toEqual({
      param: 'BeginTime',
      field: 'BeginTime',
      detail: 'required when EndTime is given',
    })
  })

  it('refuses a BeginTime after EndTime', () => {
    expect(checkActionRules(Action, { Action, BeginTime: 11, EndTime: 10 })).toMatchObject({
      param: 'BeginTime',
      detail: 'must not be after EndTime',
    })
  })

  it('accepts BeginTime alone, an equal pair, an ordered pair and no window at all', () => {
    expect(checkActionRules(Action, { Action, BeginTime: 5 })).toBeUndefined()
    expect(checkActionRules(Action, { Action, BeginTime: 5, EndTime: 5 })).toBeUndefined()
    expect(checkActionRules(Action, { Action, BeginTime: 0, EndTime: 5 })).toBeUndefined()
    expect(checkActionRules(Action, { Action })).toBeUndefined()
  })
})
