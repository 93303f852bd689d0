import { describe, expect, it } from 'vitest'
import { createManualClock } from '../clock.js'
import { createPrefetchBackend } from './prefetch-backend.js'
import { taskSeedsFromTaskList } from './task-list-seeds.js'

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0)
const LIST_EXPECTED =
  'expected a list of tasks, or an object with a TaskList, as DescribeNewUcdnPrefetchCacheTask answers'
const T = NOW / 1000 - 60 // created a minute ago, in seconds

function load(json: unknown) {
  const clock = createManualClock(NOW)
  const loaded = taskSeedsFromTaskList(json, NOW)
  if (!loaded.ok) throw new Error(loaded.problem)
  const backend = createPrefetchBackend({ clock, tasks: loaded.seeds })
  const describe = () =>
    backend.DescribeNewUcdnPrefetchCacheTask({ Action: 'DescribeNewUcdnPrefetchCacheTask' }).TaskList!
  return { clock, describe }
}

describe('taskSeedsFromTaskList', () => {
  it('loads a saved describe answer: finished URLs as they are, unfinished ones going on from now', () => {
    const { clock, describe } = load({
      TotalCount: 1,
      TaskList: [
        {
          TaskId: 'saved1',
          CreateTime: T,
          Status: 'process',
          UrlLists: [
            { Url: 'https://cdn.example.com/a.js', Status: 'success', Progress: 100, FinishTime: T + 20 },
            { Url: 'https://cdn.example.com/b.js', Status: 'failure', Progress: 0, FinishTime: T + 30 },
            { Url: 'https://cdn.example.com/c.js', Status: 'process', Progress: 40 },
            { Url: 'https://cdn.example.com/d.js', Status: 'wait' },
          ],
        },
      ],
    })
    expect(describe()).toEqual([
      {
        TaskId: 'saved1',
        CreateTime: T,
        Status: 'process',
        UrlLists: [
          {
            Url: 'https://cdn.example.com/a.js',
            CreateTime: T,
            Status: 'success',
            Progress: 100,
            FinishTime: T + 20,
          },
          {
            Url: 'https://cdn.example.com/b.js',
            CreateTime: T,
            Status: 'failure',
            Progress: 0,
            FinishTime: T + 30,
          },
          { Url: 'https://cdn.example.com/c.js', CreateTime: T, Status: 'process', Progress: 40 },
          { Url: 'https://cdn.example.com/d.js', CreateTime: T, Status: 'wait', Progress: 0 },
        ],
      },
    ])
    clock.advance(12_000)
    expect(describe()[0]!.UrlLists!.map((u) => u.Status)).toEqual([
      'success',
      'failure',
      'success',
      'success',
    ])
  })

  it('takes a bare TaskList array, and a task without an id or time gets fresh ones', () => {
    const { describe } = load([{ UrlLists: [{ Url: 'https://cdn.example.com/a.js', Status: 'wait' }] }])
    expect(describe()).toMatchObject([
      { TaskId: expect.stringMatching(/^[a-zA-Z]{8}$/), CreateTime: NOW / 1000 },
    ])
  })

  it('makes a task with a Type a refresh task, shown with its Type by the refresh describe only', () => {
    const clock = createManualClock(NOW)
    const loaded = taskSeedsFromTaskList(
      [{ TaskId: 'r1', Type: 'dir', UrlLists: [{ Url: 'https://cdn.example.com/img/', Status: 'wait' }] }],
      NOW,
    )
    if (!loaded.ok) throw new Error(loaded.problem)
    expect(loaded.seeds).toMatchObject([{ taskId: 'r1', type: 'dir' }])
    const backend = createPrefetchBackend({ clock })
    for (const seed of loaded.seeds) backend.addRefreshTask(seed)
    const refresh = () =>
      backend.DescribeNewUcdnRefreshCacheTask({ Action: 'DescribeNewUcdnRefreshCacheTask' })
    expect(refresh().TaskList).toMatchObject([{ TaskId: 'r1', Type: 'dir', Status: 'wait' }])
    expect(backend.listTasks()).toEqual([])
    backend.clear()
    expect(refresh().TotalCount).toBe(0)
  })

  it.each<[string, unknown, string]>([
    ['a number', 5, LIST_EXPECTED],
    ['an object without TaskList', { Tasks: [] }, LIST_EXPECTED],
    [
      'a Progress written as a string',
      [{ UrlLists: [{ Url: 'u', Progress: '5' }] }],
      'TaskList[0].UrlLists[0].Progress: expected number',
    ],
    ['a task without URLs', [{ TaskId: 'a' }], 'TaskList[0].UrlLists: at least one URL is needed'],
    ['a URL without Url', [{ UrlLists: [{ Status: 'wait' }] }], 'TaskList[0].UrlLists[0].Url: required'],
    [
      'a status the mock cannot play',
      [{ UrlLists: [{ Url: 'u', Status: 'unknow' }] }],
      'TaskList[0].UrlLists[0].Status: expected wait, process, success or failure, got "unknow"',
    ],
  ])('refuses %s, naming the place', (_, json, problem) => {
    expect(taskSeedsFromTaskList(json, NOW)).toEqual({ ok: false, problem })
  })
})
