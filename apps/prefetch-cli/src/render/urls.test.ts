import { describe, expect, it } from 'vitest'
import { controlCharacters } from '../../test/control-characters.js'
import type { TaskInfo } from '../types.js'
import { createColors } from './colors.js'
import { renderTaskUrls, shortenMiddle } from './urls.js'

const T0 = Date.UTC(2026, 0, 31, 8, 0, 0) / 1000
const task: TaskInfo = {
  taskId: 'task-a',
  createTime: T0,
  status: 'failure',
  urlLists: [
    { url: 'https://cdn.example.com/a.js', status: 'success', progress: 100, finishTime: T0 + 12 },
    { url: 'https://cdn.example.com/assets/very/long/path/bundle.js', status: 'failure', progress: 30 },
    { url: 'https://cdn.example.com/c.js', status: 'process', progress: 55, finishTime: 0 },
  ],
}
const plain = createColors(false)

describe('renderTaskUrls', () => {
  it('lists every URL of the task with status, progress and finished time under a heading', () => {
    const out = renderTaskUrls([task], { colors: plain, timeZone: 'UTC' })
    expect(out).toBe(
      [
        'Task task-a  ✗ failure  created 2026-01-31 08:00:00  2/3 URLs done, 1 failed',
        '  URL                                                      STATUS     PROGRESS  FINISHED (UTC)',
        '  https://cdn.example.com/a.js                             ✓ success      100%  2026-01-31 08:00:12',
        '  https://cdn.example.com/assets/very/long/path/bundle.js  ✗ failure       30%  -',
        '  https://cdn.example.com/c.js                             * process       55%  -',
        '',
      ].join('\n'),
    )
  })

  it('shortens long URLs in the middle to fit the terminal width', () => {
    const out = renderTaskUrls([task], { colors: plain, timeZone: 'UTC', width: 80 })
    for (const line of out.trimEnd().split('\n')) expect(line.length).toBeLessThan(80)
    expect(out).toContain('bundle.js')
    expect(out).toContain('https://cdn.')
    expect(out).toContain('…')
  })

  it('drops the finished time on a narrow terminal rather than cut URLs past recognition', () => {
    const out = renderTaskUrls([task], { colors: plain, timeZone: 'UTC', width: 50 })
    for (const line of out.trimEnd().split('\n').slice(1)) expect(line.length).toBeLessThan(50)
    expect(out).not.toContain('FINISHED')
    expect(out).toContain('✗ failure')
  })

  it('says so when a task has no URLs, and separates tasks with a blank line', () => {
    const out = renderTaskUrls([{ taskId: 'x', status: 'wait' }, task], { colors: plain, timeZone: 'UTC' })
    expect(out).toContain('Task x  - wait  created -  0/0 URLs done\n  (no URLs)\n\nTask task-a')
  })
})

describe('renderTaskUrls with hostile API data', () => {
  const evil: TaskInfo = {
    taskId: 'id\nFORGED',
    status: 'failure',
    urlLists: [
      { url: 'https://cdn.example.com/\u001b[2J\u001b[31mred\nFORGED LINE', status: 'failure\u009b' },
      { url: 'https://cdn.example.com/\u2067rtl\u2069.js', status: 'success' },
    ],
  }

  it('shows control characters in ids, URLs and statuses escaped, one line per URL', () => {
    const out = renderTaskUrls([evil], { colors: plain, timeZone: 'UTC' })
    expect(out.split('\n')[0]).toMatch(/^Task id\\nFORGED {2}✗ failure/)
    expect(out).toContain('https://cdn.example.com/\\x1b[2J\\x1b[31mred\\nFORGED LINE  ? failure\\x9b')
    expect(out).toContain('https://cdn.example.com/\\u2067rtl\\u2069.js')
    expect(out.trimEnd().split('\n')).toHaveLength(4)
    expect(controlCharacters(out)).toEqual([])
  })

  it('fits escaped URLs to the width as they are shown', () => {
    const out = renderTaskUrls([evil], { colors: plain, timeZone: 'UTC', width: 60 })
    for (const line of out.trimEnd().split('\n').slice(1)) expect(line.length).toBeLessThan(60)
  })
})

describe('shortenMiddle', () => {
  it('keeps short text and cuts long text to exactly the width', () => {
    expect(shortenMiddle('abcdef', 10)).toBe('abcdef')
    expect(shortenMiddle('abcdefghij', 5)).toBe('ab…ij')
    expect(shortenMiddle('abcdefghij', undefined)).toBe('abcdefghij')
  })
})
