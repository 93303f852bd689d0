import { DescribeNewUcdnPrefetchCacheTaskResponseSchema } from '@scloud/ucdn-client/schemas'
import { describe, expect, it } from 'vitest'
import { renderJson, toTaskListJson } from './json.js'

describe('toTaskListJson', () => {
  const json = toTaskListJson(7, [
    {
      taskId: 't1',
      createTime: 100,
      status: 'process',
      urlLists: [{ url: 'https://a/x', createTime: 100, finishTime: 0, status: 'wait', progress: 0 }],
    },
    { taskId: 't2' },
  ])

  it('uses the API wire names and keeps absent fields absent', () => {
    expect(json).toEqual({
      TotalCount: 7,
      TaskList: [
        {
          TaskId: 't1',
          CreateTime: 100,
          Status: 'process',
          UrlLists: [{ Url: 'https://a/x', CreateTime: 100, FinishTime: 0, Status: 'wait', Progress: 0 }],
        },
        { TaskId: 't2' },
      ],
    })
  })

  it("validates against the spec's response schema once RetCode and Action are added", () => {
    const answer = { RetCode: 0, Action: 'DescribeNewUcdnPrefetchCacheTaskResponse', ...json }
    // The schema drops keys it does not know, so equality proves every key is a spec key.
    expect(DescribeNewUcdnPrefetchCacheTaskResponseSchema.parse(answer)).toEqual(answer)
  })

  it("keeps a refresh task's Type", () => {
    expect(toTaskListJson(1, [{ taskId: 'r1', type: 'dir', status: 'wait' }]).TaskList).toEqual([
      { TaskId: 'r1', Type: 'dir', Status: 'wait' },
    ])
  })

  it('renders as indented JSON ending in a newline', () => {
    const text = renderJson(json)
    expect(JSON.parse(text)).toEqual(json)
    expect(text.endsWith('}\n')).toBe(true)
  })
})
