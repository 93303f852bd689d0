import { summarizePrefetchTasks, type TaskInfo } from '@scloud/ucdn'
import { describe, expect, it } from 'vitest'
import { summaryText } from './summary-text.js'

describe('summaryText', () => {
  it('says so when nothing matches', () => {
    expect(summaryText(summarizePrefetchTasks([]))).toBe('No prefetch tasks match the filters.')
  })

  it('counts tasks by status in reading order and gives the URL progress', () => {
    const tasks: TaskInfo[] = [
      {
        taskId: 'a',
        status: 'process',
        urlLists: [{ status: 'process', progress: 50 }, { status: 'success' }],
      },
      { taskId: 'b', status: 'success', urlLists: [{ status: 'success' }] },
      { taskId: 'c', status: 'wait', urlLists: [{ status: 'wait' }] },
    ]
    expect(summaryText(summarizePrefetchTasks(tasks))).toBe(
      '3 prefetch tasks: 1 done, 1 prefetching, 1 queued. 2 of 4 URLs finished, 62 % overall.',
    )
  })

  it('names failures and says when everything has finished', () => {
    const tasks: TaskInfo[] = [
      { taskId: 'a', status: 'failure', urlLists: [{ status: 'failure', url: 'x' }, { status: 'success' }] },
      { taskId: 'b', status: 'success', urlLists: [{ status: 'success' }] },
    ]
    expect(summaryText(summarizePrefetchTasks(tasks))).toBe(
      '2 prefetch tasks: 1 done, 1 failed. 3 of 3 URLs finished (1 failed). All finished.',
    )
  })

  it('gives the overall figure it is handed, so it matches the rows', () => {
    const tasks: TaskInfo[] = [
      { taskId: 'a', status: 'process', urlLists: [{ status: 'failure', progress: 0 }, { status: 'wait' }] },
    ]
    expect(summaryText(summarizePrefetchTasks(tasks), 1, 0)).toBe(
      '1 prefetch task: 1 prefetching. 1 of 2 URLs finished (1 failed), 0 % overall.',
    )
  })

  it('speaks of refresh tasks when it summarizes them', () => {
    const tasks: TaskInfo[] = [
      { taskId: 'a', status: 'process', urlLists: [{ status: 'process', progress: 10 }] },
    ]
    expect(summaryText(summarizePrefetchTasks([]), 0, 0, 'refresh')).toBe(
      'No refresh tasks match the filters.',
    )
    expect(summaryText(summarizePrefetchTasks(tasks), 1, 10, 'refresh')).toBe(
      '1 refresh task: 1 refreshing. 0 of 1 URL finished, 10 % overall.',
    )
  })

  it('says when the listing was cut short', () => {
    const tasks: TaskInfo[] = [{ taskId: 'a', status: 'success', urlLists: [{ status: 'success' }] }]
    expect(summaryText(summarizePrefetchTasks(tasks), 1_500)).toBe(
      'Showing the first 1 of 1500 matching tasks: narrow the time window or the status filter. ' +
        '1 prefetch task: 1 done. 1 of 1 URL finished. All finished.',
    )
  })

  it('lists an undocumented status under its own name, after the known ones', () => {
    const tasks: TaskInfo[] = [
      { taskId: 'a', status: 'ySoPLGgE', urlLists: [] },
      { taskId: 'b', status: 'wait', urlLists: [] },
    ]
    expect(summaryText(summarizePrefetchTasks(tasks))).toMatch(/^2 prefetch tasks: 1 queued, 1 ySoPLGgE\. /)
  })
})
