// A test creates tasks, moves the clock and watches them complete through the API, as an SDK's
// waiter would.
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createManualClock, createPrefetchBackend, createUcdnHandlers } from '../../src/index.js'
import { ACTION, apiJson, formRequest, sign } from '../support/requests.js'

const T0 = Date.UTC(2026, 10, 29, 8, 0, 0)
const clock = createManualClock(T0)
const backend = createPrefetchBackend({ clock })
const server = setupServer(...createUcdnHandlers({ backend }))

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

type Task = {
  TaskId: string
  Status: string
  UrlLists: { Status: string; Progress: number; FinishTime?: number }[]
}

async function describeTask(taskId: string): Promise<Task> {
  const { body } = await apiJson(await fetch(formRequest(sign({ Action: ACTION, 'TaskId.0': taskId }))))
  expect(body).toMatchObject({ RetCode: 0, TotalCount: 1 })
  return (body.TaskList as Task[])[0]!
}

describe('a task created at runtime', () => {
  it('is seen through the API going wait → process → success, FinishTime appearing at the end', async () => {
    const { taskId } = backend.createTask([
      { url: 'https://cdn.example.com/app.js', waitMs: 1_000, processMs: 10_000 },
      { url: 'https://cdn.example.com/app.css', waitMs: 1_000, processMs: 4_000 },
    ])
    const seen: [string, number[]][] = []
    for (let step = 0; step < 6; step++) {
      const task = await describeTask(taskId)
      seen.push([task.Status, task.UrlLists.map((u) => u.Progress)])
      clock.advance(2_500)
    }
    expect(seen).toEqual([
      ['wait', [0, 0]],
      ['process', [15, 37]],
      ['process', [40, 100]],
      ['process', [65, 100]],
      ['process', [90, 100]],
      ['success', [100, 100]],
    ])
    const done = await describeTask(taskId)
    expect(done.UrlLists.map((u) => u.FinishTime)).toEqual([T0 / 1000 + 11, T0 / 1000 + 5])
  })

  it('ends failure when one of its URLs fails', async () => {
    const { taskId } = backend.createTask([
      { url: 'https://cdn.example.com/ok.png', waitMs: 0, processMs: 1_000 },
      { url: 'https://cdn.example.com/missing.png', waitMs: 0, processMs: 1_000, outcome: 'failure' },
    ])
    clock.advance(1_000)
    const task = await describeTask(taskId)
    expect(task.Status).toBe('failure')
    expect(task.UrlLists.map((u) => u.Status)).toEqual(['success', 'failure'])
  })
})
