import type { TaskInfo } from '@scloud/ucdn-client'
import { describe, expect, it } from 'vitest'
import {
  isTaskFinished,
  isTerminalStatus,
  summarizePrefetchTask,
  summarizePrefetchTasks,
  urlProgress,
} from './summarize.js'

const zero = { success: 0, wait: 0, process: 0, failure: 0, unknow: 0 }

describe('summarizePrefetchTasks', () => {
  it('counts tasks and URLs per status, URLs done, progress and failed URLs', () => {
    const tasks: TaskInfo[] = [
      {
        taskId: 't1',
        status: 'process',
        urlLists: [
          { url: 'https://a/1', status: 'success', progress: 100 },
          { url: 'https://a/2', status: 'process', progress: 40 },
        ],
      },
      {
        taskId: 't2',
        status: 'failure',
        urlLists: [
          { url: 'https://a/3', status: 'failure', progress: 10 },
          { url: 'https://a/4', status: 'wait' },
        ],
      },
    ]
    expect(summarizePrefetchTasks(tasks)).toEqual({
      tasks: { total: 2, byStatus: { ...zero, process: 1, failure: 1 } },
      urls: { total: 4, done: 2, byStatus: { ...zero, success: 1, process: 1, failure: 1, wait: 1 } },
      progress: (100 + 40 + 10 + 0) / 4, // the failed URL keeps the 10 it reached
      failedUrls: [{ taskId: 't2', url: 'https://a/3' }],
      missingTaskIds: [],
      done: false,
    })
  })

  it('is done when every task and URL is success or failure', () => {
    const summary = summarizePrefetchTasks([
      {
        taskId: 't',
        status: 'success',
        urlLists: [{ status: 'success', progress: 0 }, { status: 'failure' }],
      },
    ])
    expect(summary.done).toBe(true)
    // A succeeded URL counts 100 whatever its progress says; a failed one the 0 it reached (none reported).
    expect(summary.progress).toBe(50)
  })

  it('gives each URL one figure, urlProgress, that every summary uses', () => {
    expect(urlProgress({ status: 'success', progress: 20 })).toBe(100)
    expect(urlProgress({ status: 'failure', progress: 30 })).toBe(30)
    expect(urlProgress({ status: 'failure' })).toBe(0)
    expect(urlProgress({ status: 'process', progress: 140 })).toBe(100)
    const task: TaskInfo = { status: 'failure', urlLists: [{ status: 'failure', progress: 30 }] }
    expect(summarizePrefetchTask(task).progress).toBe(30)
  })

  it('is not done while a task is unfinished, even if its URLs are', () => {
    expect(summarizePrefetchTasks([{ status: 'process', urlLists: [{ status: 'success' }] }]).done).toBe(
      false,
    )
  })

  it('counts statuses outside the enum under their own name, a missing status as unknow', () => {
    const summary = summarizePrefetchTasks([
      { status: 'ySoPLGgE', urlLists: [{ status: 'pmUWBVxw' }, {}] },
      { status: '__proto__', urlLists: [{ status: 'constructor' }] },
    ])
    expect(summary.tasks.byStatus).toEqual({ ...zero, ySoPLGgE: 1, ['__proto__']: 1 })
    expect(summary.urls.byStatus).toEqual({ ...zero, pmUWBVxw: 1, unknow: 1, constructor: 1 })
    expect(summary.done).toBe(false)
  })

  it('clamps progress values outside 0–100', () => {
    const summary = summarizePrefetchTasks([{ urlLists: [{ progress: 250 }, { progress: -5 }] }])
    expect(summary.progress).toBe(50)
  })

  it('handles no tasks and tasks without URLs', () => {
    expect(summarizePrefetchTasks([])).toMatchObject({ done: true, progress: 100, urls: { total: 0 } })
    expect(summarizePrefetchTasks([{ status: 'wait' }])).toMatchObject({ done: false, progress: 0 })
  })

  it('lists missing task ids when given', () => {
    expect(summarizePrefetchTasks([], { missingTaskIds: ['x'] }).missingTaskIds).toEqual(['x'])
  })
})

describe('isTerminalStatus', () => {
  it('is true only for success and failure', () => {
    expect(['success', 'failure', 'wait', 'process', 'unknow', 'x', undefined].map(isTerminalStatus)).toEqual(
      [true, true, false, false, false, false, false],
    )
  })
})

describe('summarizePrefetchTask and isTaskFinished', () => {
  const task = (status: string | undefined, urls: TaskInfo['urlLists']): TaskInfo => ({
    taskId: 't',
    status,
    urlLists: urls,
  })

  it('gives one task the figures summarizePrefetchTasks gives it, with its status', () => {
    const one = task('process', [
      { url: 'a', status: 'success', progress: 40 },
      { url: 'b', status: 'failure', progress: 10 },
      { url: 'c', status: 'process', progress: 50 },
      { url: 'd', status: 'wait' },
    ])
    expect(summarizePrefetchTask(one)).toEqual({
      status: 'process',
      urls: 4,
      done: 2,
      failed: 1,
      progress: 40, // (100 + 10 + 50 + 0) / 4: the failed URL keeps the 10 it reached
    })
    const all = summarizePrefetchTasks([one])
    expect(summarizePrefetchTask(one).progress).toBe(all.progress)
    expect(summarizePrefetchTask(task(undefined, undefined))).toEqual({
      status: 'unknow',
      urls: 0,
      done: 0,
      failed: 0,
      progress: 0,
    })
  })

  it('a task is finished when it and every URL are success or failure', () => {
    expect(isTaskFinished(task('success', [{ status: 'failure' }, { status: 'success' }]))).toBe(true)
    expect(isTaskFinished(task('success', []))).toBe(true)
    expect(isTaskFinished(task('success', [{ status: 'process' }]))).toBe(false)
    expect(isTaskFinished(task('process', [{ status: 'success' }]))).toBe(false)
    expect(isTaskFinished(undefined)).toBe(false)
  })
})
