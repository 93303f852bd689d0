import type { TaskInfo } from '@scloud/ucdn'
import { describe, expect, it } from 'vitest'
import { announcement, taskStates } from './announcements.js'

const task = (taskId: string, status: string): TaskInfo => ({ taskId, status })
const summary = { text: 'Summary line.', allFinished: false, wasAllFinished: false }

describe('announcement', () => {
  it('reads the summary once for a fresh listing', () => {
    expect(announcement(undefined, [task('a', 'process')], summary)).toBe('Summary line.')
  })

  it('says nothing when no task changed state, however much progress moved', () => {
    const tasks = [task('a', 'process'), task('b', 'wait')]
    expect(announcement(taskStates(tasks), tasks, summary)).toBeUndefined()
  })

  it('names tasks that changed state and tasks that appeared', () => {
    const before = taskStates([task('a', 'process'), task('b', 'wait')])
    const now = [task('a', 'success'), task('b', 'wait'), task('c', 'wait')]
    expect(announcement(before, now, summary)).toBe('Task a done; new task c: queued.')
  })

  it('counts changes past the first three', () => {
    const before = taskStates(['a', 'b', 'c', 'd', 'e'].map((id) => task(id, 'process')))
    const now = ['a', 'b', 'c', 'd', 'e'].map((id) => task(id, 'failure'))
    expect(announcement(before, now, summary)).toBe(
      'Task a failed; task b failed; task c failed; and 2 more changed.',
    )
  })

  it('says when everything has finished, once', () => {
    const before = taskStates([task('a', 'process')])
    const now = [task('a', 'success')]
    expect(announcement(before, now, { ...summary, allFinished: true })).toBe(
      'Task a done. All finished. Summary line.',
    )
    expect(
      announcement(taskStates(now), now, { ...summary, allFinished: true, wasAllFinished: true }),
    ).toBeUndefined()
  })
})
