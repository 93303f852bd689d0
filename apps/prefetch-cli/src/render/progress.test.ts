import { stripVTControlCharacters } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { TaskInfo } from '../types.js'
import { createColors } from './colors.js'
import { createProgressView, MAX_TASK_BARS } from './progress.js'

class Capture {
  text = ''
  constructor(
    readonly isTTY: boolean,
    readonly columns = 120,
  ) {}
  write(chunk: string) {
    this.text += chunk
    return true
  }
}

const ESC = '\u001b'
const at = (s: number) => Date.UTC(2026, 0, 31, 8, 0, s)
const task = (taskId: string, status: string, urls: [string, number][]): TaskInfo => ({
  taskId,
  status,
  urlLists: urls.map(([urlStatus, progress], i) => ({
    url: `https://cdn.example.com/${taskId}/${i}`,
    status: urlStatus,
    progress,
  })),
})

describe('progress view without a terminal', () => {
  it('prints one timestamped line per change, none when nothing changed', () => {
    const out = new Capture(false)
    const view = createProgressView(out, { colors: createColors(false), timeZone: 'UTC' })
    const waiting = [task('a', 'wait', [['wait', 0]]), task('b', 'wait', [['wait', 0]])]
    view.update(waiting, 0, at(0))
    view.update(waiting, 2000, at(2))
    view.update(
      [task('a', 'process', [['process', 40]]), task('b', 'process', [['process', 40]])],
      4000,
      at(4),
    )
    view.update(
      [task('a', 'success', [['success', 100]]), task('b', 'failure', [['failure', 30]])],
      6000,
      at(6),
    )
    view.stop()
    expect(out.text).toBe(
      [
        '08:00:00   0%  0/2 URLs done · 2 tasks: 2 wait',
        '08:00:04  40%  0/2 URLs done · 2 tasks: 2 process',
        '08:00:06  65%  2/2 URLs done · 2 tasks: 1 success, 1 failure · ✗ 1 failed URL',
        '',
      ].join('\n'),
    )
  })

  it('shows API trouble as it happens: what failed and when it tries again', () => {
    const out = new Capture(false)
    const view = createProgressView(out, { colors: createColors(false), timeZone: 'UTC' })
    view.trouble('Network error: connect ECONNREFUSED 127.0.0.1:9.', 4000, 2, at(10))
    expect(out.text).toBe(
      '08:00:10 API trouble: Network error: connect ECONNREFUSED 127.0.0.1:9; retrying in 4 s (2 failed polls)\n',
    )
  })
})

describe('progress view on a terminal', () => {
  it('draws a bar, redraws it in place and leaves the final state with the cursor restored', () => {
    const out = new Capture(true)
    const view = createProgressView(out, { colors: createColors(false) })
    view.update([task('a', 'process', [['process', 25]])], 0, at(0))
    view.update([task('a', 'success', [['success', 100]])], 12_000, at(12))
    view.stop()
    view.stop()
    expect(out.text.startsWith(`${ESC}[?25l`)).toBe(true) // cursor hidden while drawing
    expect(out.text).toMatch(/█{6}░{18} {2}25% {2}0\/1 URLs done · 1 task: 1 process · 0 s/)
    expect(out.text).toContain(`${ESC}[1G${'█'.repeat(24)} 100%  1/1 URLs done · 1 task: 1 success · 12 s`)
    expect(out.text.lastIndexOf(`${ESC}[?25h`)).toBeGreaterThan(out.text.lastIndexOf('100%'))
    expect(out.text.endsWith('\n')).toBe(true)
  })

  it('shows one status line while polls fail, and clears it when one answers', () => {
    const out = new Capture(true)
    const view = createProgressView(out, { colors: createColors(false) })
    view.update([task('a', 'process', [['process', 25]])], 0, at(0))
    view.trouble('Network error: ECONNREFUSED.', 8000, 3, at(5))
    const during = stripVTControlCharacters(out.text)
    expect(during).toContain('API trouble: Network error: ECONNREFUSED; retrying in 8 s (3 failed polls)')
    out.text = ''
    view.update([task('a', 'process', [['process', 50]])], 9000, at(9))
    view.stop()
    expect(stripVTControlCharacters(out.text)).not.toContain('API trouble')
  })
})

describe('per-task bars on a terminal', () => {
  it('draws a bar per task under the overall bar, with its id, percent, URLs done and marked status', () => {
    const out = new Capture(true)
    const view = createProgressView(out, { colors: createColors(false) })
    view.update(
      [
        task('demoHome', 'process', [
          ['success', 100],
          ['process', 50],
        ]),
        task('demoDocsLonger', 'failure', [
          ['failure', 0],
          ['success', 100],
        ]),
      ],
      0,
      at(0),
    )
    view.stop()
    const text = stripVTControlCharacters(out.text)
    expect(text).toMatch(/█{18}░{6} {2}75% {2}demoHome {8}1\/2 URLs · \* process\n/)
    // A failed task is not drawn as a full, finished bar: its figure is its URLs', the state says failure.
    expect(text).toMatch(/█{12}░{12} {2}50% {2}demoDocsLonger {2}2\/2 URLs · ✗ failure · 1 failed\n/)
    expect(text.indexOf('URLs done · 2 tasks')).toBeLessThan(text.indexOf('demoHome'))
  })

  it('paints a failed bar red and a successful one green', () => {
    const out = new Capture(true)
    const view = createProgressView(out, { colors: createColors(true) })
    view.update(
      [task('ok', 'success', [['success', 100]]), task('bad', 'failure', [['failure', 10]])],
      0,
      at(0),
    )
    view.stop()
    expect(out.text).toContain(`${ESC}[32m${'█'.repeat(24)}`)
    expect(out.text).toContain(`${ESC}[31m${'█'.repeat(2)}${'░'.repeat(22)}`)
  })

  it.each([50, 60, 80])('keeps every status word whole at %i columns', (columns) => {
    const out = new Capture(true, columns)
    const view = createProgressView(out, { colors: createColors(true) })
    view.update(
      [
        task('demoDocs-with-a-long-id', 'failure', [
          ['failure', 0],
          ['success', 100],
          ['success', 100],
          ['success', 100],
        ]),
        task('demoVids', 'process', [['process', 50]]),
      ],
      754_000,
      at(0),
    )
    view.stop()
    const rows = stripVTControlCharacters(out.text).split('\n')
    for (const row of rows) expect([...row].length).toBeLessThan(columns)
    expect(rows.some((row) => row.includes('✗ failure'))).toBe(true)
    expect(rows.some((row) => row.includes('* process'))).toBe(true)
  })

  it('redraws each task bar in place as its task moves, adding none', () => {
    const out = new Capture(true)
    const view = createProgressView(out, { colors: createColors(false) })
    view.update([task('t1', 'wait', [['wait', 0]])], 0, at(0))
    view.update([task('t1', 'success', [['success', 100]])], 2000, at(2))
    view.stop()
    const text = stripVTControlCharacters(out.text)
    expect(text).toMatch(/ {3}0% {2}t1 {2}0\/1 URLs · - wait/)
    expect(text).toMatch(/ 100% {2}t1 {2}1\/1 URLs · ✓ success/)
    const lastFrame = text.slice(text.lastIndexOf('100%  1/1 URLs done'))
    expect(lastFrame.trimEnd().split('\n')).toHaveLength(2)
  })

  it(`shows at most ${MAX_TASK_BARS} task bars and counts the rest on one line`, () => {
    const out = new Capture(true)
    const view = createProgressView(out, { colors: createColors(false) })
    const tasks = Array.from({ length: MAX_TASK_BARS + 5 }, (_, i) => task(`task${i}`, 'wait', [['wait', 0]]))
    view.update(tasks, 0, at(0))
    view.stop()
    const text = stripVTControlCharacters(out.text)
    expect(text).toContain(`task${MAX_TASK_BARS - 1} `)
    expect(text).not.toContain(`task${MAX_TASK_BARS} `)
    expect(text).toContain('  … and 5 more tasks')
  })

  it('never draws more bars than a short terminal has rows', () => {
    const out = Object.assign(new Capture(true), { rows: 7 })
    const view = createProgressView(out, { colors: createColors(false) })
    view.update(
      Array.from({ length: 8 }, (_, i) => task(`task${i}`, 'wait', [['wait', 0]])),
      0,
      at(0),
    )
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
    view.update(
      [task('evil\u001b]0;owned\u0007', 'wait', [['wait', 0]]), task(long, 'wait', [['wait', 0]])],
      0,
      at(0),
    )
    view.stop()
    expect(out.text).not.toContain('\u001b]0;owned')
    expect(out.text).toContain('evil\\x1b]0;owned\\x07')
    expect(out.text).toContain(`x${'y'.repeat(30)}…`)
    expect(out.text).not.toContain('y'.repeat(31))
  })
})
