import { describe, expect, it } from 'vitest'
import { createColors } from './colors.js'
import { renderSummary, type SummaryInput } from './summary.js'

const plain = createColors(false)
const summary = (over: Partial<SummaryInput>): SummaryInput => ({
  tasks: { total: 0, byStatus: {} },
  urls: { total: 0, done: 0 },
  progress: 0,
  failedUrls: [],
  ...over,
})

describe('renderSummary', () => {
  it('counts tasks per status (only those present, in a fixed order), URLs done and progress', () => {
    const line = renderSummary(
      summary({
        tasks: {
          total: 5,
          byStatus: { wait: 1, success: 2, process: 1, failure: 0, unknow: 0, ySoPLGgE: 1 },
        },
        urls: { total: 18, done: 12 },
        progress: 73.6,
      }),
      plain,
    )
    expect(line).toBe('5 tasks: 2 success, 1 process, 1 wait, 1 ySoPLGgE · 12/18 URLs done (73%)\n')
  })

  it('names the failed URLs with their task, at most three', () => {
    const failedUrls = ['a', 'b', 'c', 'd'].map((x) => ({ taskId: `t-${x}`, url: `https://x/${x}` }))
    expect(
      renderSummary(
        summary({ tasks: { total: 1, byStatus: { failure: 1 } }, failedUrls: failedUrls.slice(0, 1) }),
        plain,
      ),
    ).toBe('1 task: 1 failure · 1 failed URL: https://x/a (t-a)\n')
    expect(renderSummary(summary({ failedUrls }), plain)).toContain(
      '4 failed URLs: https://x/a (t-a), https://x/b (t-b), https://x/c (t-c), and 1 more',
    )
  })

  it('shows failed URLs, task ids and statuses from the API escaped', () => {
    const line = renderSummary(
      summary({
        tasks: { total: 1, byStatus: { 'odd\u001b[31m': 1 } },
        failedUrls: [{ taskId: 't\r1', url: 'https://x/\u001b]0;t\u0007' }],
      }),
      plain,
    )
    expect(line).toBe('1 task: 1 odd\\x1b[31m · 1 failed URL: https://x/\\x1b]0;t\\x07 (t\\r1)\n')
  })

  it('says 0 tasks when there are none', () => {
    expect(renderSummary(summary({}), plain)).toBe('0 tasks\n')
  })
})
