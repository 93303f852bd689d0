import type { TaskInfo } from '@scloud/ucdn'
import { describe, expect, it } from 'vitest'
import { overallProgress, sortTasksNewestFirst, taskProgress, urlPercent, urlsDoneText } from './progress.js'

const task = (urls: TaskInfo['urlLists'], status = 'process'): TaskInfo => ({
  taskId: 't',
  status,
  urlLists: urls,
})

describe('taskProgress', () => {
  it('counts finished URLs (failed ones too) and averages the URL figures, a failed URL at what the API said', () => {
    const progress = taskProgress(
      task([
        { url: 'a', status: 'success', progress: 40 },
        { url: 'b', status: 'failure', progress: 10 },
        { url: 'c', status: 'process', progress: 50 },
        { url: 'd', status: 'wait', progress: 0 },
      ]),
    )
    expect(progress).toEqual({ done: 2, total: 4, failed: 1, percent: 40, finished: false })
  })

  it('is finished only when the task and every URL are', () => {
    expect(taskProgress(task([{ url: 'a', status: 'success', progress: 100 }], 'success')).finished).toBe(
      true,
    )
    expect(taskProgress(task([{ url: 'a', status: 'success', progress: 100 }], 'process')).finished).toBe(
      false,
    )
  })

  it('gives a task without URLs 100 when finished and 0 otherwise', () => {
    expect(taskProgress(task([], 'success')).percent).toBe(100)
    expect(taskProgress(task(undefined, 'wait')).percent).toBe(0)
  })
})

describe('overallProgress', () => {
  it('is the mean over every URL of every task, with the same figure per URL as its task row', () => {
    const tasks = [
      task([{ url: 'a', status: 'failure', progress: 0 }], 'failure'),
      task([{ url: 'b', status: 'success', progress: 100 }], 'success'),
    ]
    expect(overallProgress(tasks)).toEqual({ done: 2, total: 2, failed: 1, percent: 50, finished: true })
    expect(overallProgress([]).finished).toBe(true)
  })
})

describe('urlPercent', () => {
  it('is 100 for a URL that succeeded whatever its progress says', () => {
    expect(urlPercent({ status: 'success', progress: 3 })).toBe(100)
  })

  it('keeps what the API reported for a failed URL: the status, not the bar, says it failed', () => {
    expect(urlPercent({ status: 'failure', progress: 0 })).toBe(0)
    expect(urlPercent({ status: 'failure', progress: 35 })).toBe(35)
    expect(urlPercent({ status: 'failure' })).toBe(0)
  })

  it('clamps in-flight progress and treats junk as 0', () => {
    expect(urlPercent({ status: 'process', progress: 42 })).toBe(42)
    expect(urlPercent({ status: 'process', progress: 140 })).toBe(100)
    expect(urlPercent({ status: 'process', progress: -1 })).toBe(0)
    expect(urlPercent({ status: 'wait' })).toBe(0)
    expect(urlPercent({ status: 'process', progress: Number.NaN })).toBe(0)
  })
})

describe('urlsDoneText', () => {
  it('mentions failures only when there are some', () => {
    expect(urlsDoneText({ done: 3, total: 5, failed: 0, percent: 0, finished: false })).toBe('3/5')
    expect(urlsDoneText({ done: 3, total: 5, failed: 1, percent: 0, finished: false })).toBe('3/5, 1 failed')
  })
})

describe('sortTasksNewestFirst', () => {
  it('puts the newest first and breaks ties by id, without touching the input', () => {
    const tasks: TaskInfo[] = [
      { taskId: 'b', createTime: 10 },
      { taskId: 'c', createTime: 20 },
      { taskId: 'a', createTime: 10 },
      { taskId: 'x' },
    ]
    expect(sortTasksNewestFirst(tasks).map((t) => t.taskId)).toEqual(['c', 'a', 'b', 'x'])
    expect(tasks.map((t) => t.taskId)).toEqual(['b', 'c', 'a', 'x'])
  })
})
