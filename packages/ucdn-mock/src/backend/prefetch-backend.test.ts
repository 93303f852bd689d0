import { describe, expect, it } from 'vitest'
import { createManualClock } from '../clock.js'
import { UcdnMockError } from '../errors.js'
import { createPrefetchBackend } from './prefetch-backend.js'
import { DEFAULT_PROJECT_ID } from './task-store.js'

const T0 = Date.UTC(2026, 10, 29, 12, 0, 0)
const describeAction = 'DescribeNewUcdnPrefetchCacheTask' as const

function setup(startMs = T0) {
  const clock = createManualClock(startMs)
  let n = 0
  const backend = createPrefetchBackend({ clock, generateTaskId: () => `task-${++n}` })
  const query = (q: Record<string, unknown> = {}) =>
    backend.DescribeNewUcdnPrefetchCacheTask({ Action: describeAction, ...q })
  return { clock, backend, query }
}

describe('createPrefetchBackend: a task created at runtime', () => {
  it('moves wait → process → success as the clock advances, with FinishTime only once finished', () => {
    const { clock, backend } = setup()
    const task = backend.createTask([
      { url: 'https://cdn.example.com/a.css', waitMs: 1_000, processMs: 4_000 },
    ])
    expect(backend.getTask(task.taskId)).toEqual({
      TaskId: 'task-1',
      CreateTime: T0 / 1000,
      Status: 'wait',
      UrlLists: [
        { Url: 'https://cdn.example.com/a.css', CreateTime: T0 / 1000, Status: 'wait', Progress: 0 },
      ],
    })
    clock.advance(3_000)
    expect(backend.getTask(task.taskId)).toMatchObject({
      Status: 'process',
      UrlLists: [{ Status: 'process', Progress: 50 }],
    })
    expect(backend.getTask(task.taskId)!.UrlLists![0]).not.toHaveProperty('FinishTime')
    clock.advance(2_000)
    expect(backend.getTask(task.taskId)).toMatchObject({
      Status: 'success',
      UrlLists: [{ Status: 'success', Progress: 100, FinishTime: T0 / 1000 + 5 }],
    })
  })

  it('ends a task with one failing URL as failure once every URL has finished', () => {
    const { clock, backend } = setup()
    const { taskId } = backend.createTask([
      { url: 'https://cdn.example.com/ok.js', waitMs: 0, processMs: 1_000 },
      { url: 'https://cdn.example.com/broken.js', waitMs: 0, processMs: 3_000, outcome: 'failure' },
    ])
    clock.advance(2_000)
    expect(backend.getTask(taskId)!.Status).toBe('process')
    clock.advance(1_000)
    expect(backend.getTask(taskId)).toMatchObject({
      Status: 'failure',
      UrlLists: [{ Status: 'success' }, { Status: 'failure', Progress: 0 }],
    })
  })

  it('uses the default plan for bare URLs: queued 2 s, processed over 8 s, success', () => {
    const { clock, backend } = setup()
    const { taskId } = backend.createTask(['https://cdn.example.com/x'])
    clock.advance(1_999)
    expect(backend.getTask(taskId)!.Status).toBe('wait')
    clock.advance(1)
    expect(backend.getTask(taskId)!.Status).toBe('process')
    clock.advance(8_000)
    expect(backend.getTask(taskId)!.Status).toBe('success')
  })

  it('refuses bad seeds and duplicate ids with a UcdnMockError naming the problem', () => {
    const { backend } = setup()
    backend.addTask({ taskId: 'same', urls: ['https://cdn.example.com/a'] })
    const duplicate = (() => {
      try {
        backend.addTask({ taskId: 'same', urls: ['https://cdn.example.com/b'] })
      } catch (e) {
        return e
      }
    })()
    expect(duplicate).toBeInstanceOf(UcdnMockError)
    expect(duplicate).toMatchObject({ code: 'DUPLICATE_TASK_ID' })
    expect(() => backend.addTask({ urls: [] })).toThrow(/at least one URL/)
    expect(() => backend.addTask({ urls: [''] })).toThrow(/urls\[0\]\.url/)
    expect(() => backend.addTask({ urls: [{ url: 'u', waitMs: -1 }] })).toThrow(/urls\[0\]\.waitMs/)
    expect(() => backend.addTask({ urls: [{ url: 'u', processMs: Number.NaN }] })).toThrow(/processMs/)
    expect(() => backend.addTask({ urls: ['u'], createdAt: 1.5 })).toThrow(/createdAt/)
    expect(() => backend.addTask({ urls: [{ url: 'u', outcome: 'maybe' as 'success' }] })).toThrow(/outcome/)
    expect(() => createPrefetchBackend({ defaultProjectId: '' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    )
    expect(backend.listTasks().map((t) => t.taskId)).toEqual(['same'])
  })

  it('generates distinct random ids by default and can be cleared', () => {
    const backend = createPrefetchBackend({ tasks: [{ urls: ['a'] }, { urls: ['b'] }] })
    const [a, b] = backend.listTasks()
    expect(a!.taskId).toMatch(/^[A-Za-z]{8}$/)
    expect(a!.taskId).not.toBe(b!.taskId)
    backend.clear()
    expect(backend.listTasks()).toEqual([])
  })
})

describe('createPrefetchBackend: DescribeNewUcdnPrefetchCacheTask', () => {
  it('orders newest first, later-added first among equal creation times', () => {
    const { backend, query } = setup()
    backend.addTask({ taskId: 'old', createdAt: T0 - 60_000, urls: ['u'] })
    backend.addTask({ taskId: 'same-1', createdAt: T0 - 1_000, urls: ['u'] })
    backend.addTask({ taskId: 'same-2', createdAt: T0 - 1_000, urls: ['u'] })
    backend.addTask({ taskId: 'new', createdAt: T0, urls: ['u'] })
    expect(query().TaskList!.map((t) => t.TaskId)).toEqual(['new', 'same-2', 'same-1', 'old'])
  })

  it('answers the last day by default and an inclusive [BeginTime, EndTime] window when given', () => {
    const { backend, query } = setup()
    const s = T0 / 1000
    backend.addTask({ taskId: 'two-days', createdAt: T0 - 2 * 86_400_000, urls: ['u'] })
    backend.addTask({ taskId: 'one-day', createdAt: T0 - 86_400_000, urls: ['u'] })
    backend.addTask({ taskId: 'hour', createdAt: T0 - 3_600_000, urls: ['u'] })
    backend.addTask({ taskId: 'future', createdAt: T0 + 1_000, urls: ['u'] })
    const ids = (q: Record<string, unknown> = {}) => query(q).TaskList!.map((t) => t.TaskId)
    expect(ids()).toEqual(['hour', 'one-day'])
    expect(ids({ BeginTime: s - 3_600 })).toEqual(['hour'])
    expect(ids({ BeginTime: s - 3 * 86_400, EndTime: s - 86_400 })).toEqual(['one-day', 'two-days'])
    expect(ids({ BeginTime: s + 1, EndTime: s + 1 })).toEqual(['future'])
    expect(query({ BeginTime: 0, EndTime: s + 10 }).TotalCount).toBe(4)
  })

  it('filters by TaskId, Status, ProjectId and IsDcdn (defaults: the default project, non-DCDN)', () => {
    const { backend, query, clock } = setup()
    backend.addTask({ taskId: 'fast', urls: [{ url: 'u', waitMs: 0, processMs: 0 }] })
    backend.addTask({ taskId: 'slow', urls: [{ url: 'u', waitMs: 0, processMs: 60_000 }] })
    backend.addTask({ taskId: 'queued', urls: [{ url: 'u', waitMs: 60_000 }] })
    backend.addTask({ taskId: 'other-project', projectId: 'org-other', urls: ['u'] })
    backend.addTask({ taskId: 'dcdn', isDcdn: true, urls: ['u'] })
    clock.advance(1_000)
    const ids = (q: Record<string, unknown>) => query(q).TaskList!.map((t) => t.TaskId)
    expect(ids({})).toEqual(['queued', 'slow', 'fast'])
    expect(ids({ TaskId: ['fast', 'queued', 'nope'] })).toEqual(['queued', 'fast'])
    expect(ids({ Status: 'success' })).toEqual(['fast'])
    expect(ids({ Status: 'process' })).toEqual(['slow'])
    expect(ids({ Status: 'wait' })).toEqual(['queued'])
    expect(ids({ Status: 'unknow' })).toEqual([])
    expect(ids({ ProjectId: 'org-other' })).toEqual(['other-project'])
    expect(ids({ ProjectId: DEFAULT_PROJECT_ID })).toEqual(['queued', 'slow', 'fast'])
    expect(ids({ IsDcdn: true })).toEqual(['dcdn'])
    expect(ids({ IsDcdn: false, TaskId: ['dcdn'] })).toEqual([])
  })

  it('pages with Offset and Limit, TotalCount counting every match before paging', () => {
    const { backend, query } = setup()
    for (let i = 0; i < 5; i++) backend.addTask({ taskId: `t${i}`, createdAt: T0 - i * 1_000, urls: ['u'] })
    const page = (Offset?: number, Limit?: number) => {
      const answer = query({ Offset, Limit })
      return [answer.TotalCount, answer.TaskList!.map((t) => t.TaskId)]
    }
    expect(page(0, 2)).toEqual([5, ['t0', 't1']])
    expect(page(2, 2)).toEqual([5, ['t2', 't3']])
    expect(page(4, 2)).toEqual([5, ['t4']])
    expect(page(9, 2)).toEqual([5, []])
    expect(page(3)).toEqual([5, ['t3', 't4']])
    expect(page(undefined, 0)).toEqual([5, []])
  })

  it('answers an empty store with TotalCount 0 and an empty TaskList', () => {
    const { query } = setup()
    expect(query()).toEqual({ TotalCount: 0, TaskList: [] })
  })
})
