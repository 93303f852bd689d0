import { describe, expect, it } from 'vitest'
import { createColors } from './colors.js'
import { createProgressView } from './progress.js'
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
