import { stripVTControlCharacters } from 'node:util'
import { describe, expect, it } from 'vitest'
import { createColors } from './colors.js'
import { createProgressView, MAX_TASK_BARS } from './progress.js'
import type { SummaryInput } from './summary.js'

class Capture {
  text = ''
  readonly columns = 120
  constructor(readonly isTTY: boolean) {}
  write(chunk: string) {
    this.text += chunk
    return true
  }
}

const ESC = '\u001b'
const at = (s: number) => Date.UTC(2026, 0, 31, 8, 0, s)
const state = (
  progress: number,
  done: number,
  byStatus: Record<string, number>,
  failed = 0,
): SummaryInput => ({
  tasks: { total: 2, byStatus },
  urls: { total: 4, done },
  progress,
  failedUrls: Array.from({ length: failed }, (_, i) => ({ taskId: 't', url: `https://x/${i}` })),
})

describe('progress view without a terminal', () => {
  it('prints one timestamped line per change, none when nothing changed', () => {
    const out = new Capture(false)
    const view = createProgressView(out, { colors: createColors(false), timeZone: 'UTC' })
    view.update(state(0, 0, { wait: 2 }), at(0))
    view.update(state(0, 0, { wait: 2 }), at(2))
    view.update(state(40, 1, { process: 2 }), at(4))
    view.update(state(100, 4, { success: 1, failure: 1 }, 1), at(6))
    view.stop()
    expect(out.text).toBe(
      [
        '08:00:00   0%  0/4 URLs done · 2 tasks: 2 wait',
        '08:00:04  40%  1/4 URLs done · 2 tasks: 2 process',
        '08:00:06 100%  4/4 URLs done · 2 tasks: 1 success, 1 failure · 1 failed URL',
        '',
      ].join('\n'),
    )
  })
})

describe('progress view on a terminal', () => {
  it('draws a bar, redraws it in place and leaves the final state with the cursor restored', () => {
    const out = new Capture(true)
    const view = createProgressView(out, { colors: createColors(false) })
    view.update(state(25, 1, { process: 2 }), at(0))
    view.update(state(100, 4, { success: 2 }), at(2))
    view.stop()
    view.stop()
    expect(out.text.startsWith(`${ESC}[?25l`)).toBe(true) // cursor hidden while drawing
    expect(out.text).toMatch(/█{6}░{18} {2}25% {2}1\/4 URLs done · 2 tasks: 2 process/)
    expect(out.text).toContain(`${ESC}[1G${'█'.repeat(24)} 100%  4/4 URLs done · 2 tasks: 2 success`) // redrawn in place
    expect(out.text.lastIndexOf(`${ESC}[?25h`)).toBeGreaterThan(out.text.lastIndexOf('100%')) // cursor shown again
    expect(out.text.endsWith('\n')).toBe(true)
  })
})

describe('per-task bars on a terminal', () => {
  const task = (taskId: string, status: string, urls: [string, number][]) => ({
    taskId,
    status,
    urlLists: urls.map(([urlStatus, progress], i) => ({
      url: `https://cdn.example.com/${taskId}/${i}`,
      status: urlStatus,
      progress,
    })),
  })

  it('draws a bar per task under the overall bar, with its id, percent, URLs done and status', () => {
    const out = new Capture(true)
    const view = createProgressView(out, { colors: createColors(false) })
    const tasks = [
      task('demoHome', 'process', [
        ['success', 100],
        ['process', 50],
      ]),
      task('demoDocsLonger', 'failure', [
        ['failure', 0],
        ['success', 100],
      ]),
    ]
    view.update(state(62, 3, { process: 1, failure: 1 }, 1), at(0), tasks)
    view.stop()
    const text = stripVTControlCharacters(out.text)
    expect(text).toMatch(/█{18}░{6} {2}75% {2}demoHome {8}1\/2 URLs · process\n/)
    expect(text).toMatch(/█{24} 100% {2}demoDocsLonger {2}2\/2 URLs · failure · 1 failed\n/)
    expect(text.indexOf('URLs done · 2 tasks')).toBeLessThan(text.indexOf('demoHome'))
  })

  it('redraws each task bar in place as its task moves, adding none', () => {
    const out = new Capture(true)
    const view = createProgressView(out, { colors: createColors(false) })
    view.update(state(0, 0, { wait: 1 }), at(0), [task('t1', 'wait', [['wait', 0]])])
    view.update(state(100, 1, { success: 1 }), at(2), [task('t1', 'success', [['success', 100]])])
    view.stop()
    const text = stripVTControlCharacters(out.text)
    expect(text).toMatch(/ {3}0% {2}t1 {2}0\/1 URLs · wait/)
    expect(text).toMatch(/ 100% {2}t1 {2}1\/1 URLs · success/)
    // The final frame has exactly two lines: the overall bar and the one task.
    const lastFrame = text.slice(text.lastIndexOf('100%  1/4'))
    expect(lastFrame.trimEnd().split('\n')).toHaveLength(2)
  })

  it(`shows at most ${MAX_TASK_BARS} task bars and counts the rest on one line`, () => {
    const out = new Capture(true)
    const view = createProgressView(out, { colors: createColors(false) })
    const tasks = Array.from({ length: MAX_TASK_BARS + 5 }, (_, i) => task(`task${i}`, 'wait', [['wait', 0]]))
    view.update(state(0, 0, { wait: tasks.length }), at(0), tasks)
    view.stop()
    const text = stripVTControlCharacters(out.text)
    expect(text).toContain(`task${MAX_TASK_BARS - 1} `)
    expect(text).not.toContain(`task${MAX_TASK_BARS} `)
    expect(text).toContain('  … and 5 more tasks')
  })

  it('never draws more bars than a short terminal has rows', () => {
    const out = Object.assign(new Capture(true), { rows: 6 })
    const view = createProgressView(out, { colors: createColors(false) })
    const tasks = Array.from({ length: 8 }, (_, i) => task(`task${i}`, 'wait', [['wait', 0]]))
    view.update(state(0, 0, { wait: 8 }), at(0), tasks)
    view.stop()
    const text = stripVTControlCharacters(out.text)
    expect(text).toContain('task2 ')
    expect(text).not.toContain('task3 ')
    expect(text).toContain('… and 5 more tasks')
  })

  it('escapes control characters in task ids and cuts very long ones', () => {
    const out = new Capture(true)
    const view = createProgressView(out, { colors: createColors(false) })
    const long = `x${'y'.repeat(60)}`
    view.update(state(0, 0, { wait: 2 }), at(0), [
      task('evil\u001b]0;owned\u0007', 'wait', [['wait', 0]]),
      task(long, 'wait', [['wait', 0]]),
    ])
    view.stop()
    expect(out.text).not.toContain('\u001b]0;owned')
    expect(out.text).toContain('evil\\x1b]0;owned\\x07')
    expect(out.text).toContain(`x${'y'.repeat(30)}…`)
    expect(out.text).not.toContain('y'.repeat(31))
  })
})
