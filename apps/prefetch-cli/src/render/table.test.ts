import { stripVTControlCharacters } from 'node:util'
import { describe, expect, it } from 'vitest'
import { controlCharacters } from '../../test/control-characters.js'
import type { TaskInfo } from '../types.js'
import { createColors } from './colors.js'
import { renderTaskTable } from './table.js'

const T0 = Date.UTC(2026, 0, 31, 8, 0, 0) / 1000
const tasks: TaskInfo[] = [
  {
    taskId: 'task-a',
    createTime: T0,
    status: 'process',
    urlLists: [
      { url: 'https://cdn.example.com/a.js', status: 'success', progress: 100 },
      { url: 'https://cdn.example.com/b.js', status: 'process', progress: 40 },
    ],
  },
  {
    taskId: 'task-b',
    createTime: T0 + 90,
    status: 'failure',
    urlLists: [
      { url: 'https://cdn.example.com/c.js', status: 'failure', progress: 0 },
      { url: 'https://cdn.example.com/d.js', status: 'success' },
    ],
  },
  { taskId: 'task-c', status: 'ySoPLGgE' },
]

describe('renderTaskTable', () => {
  it('shows id, readable creation time, status, URLs done/total, failed URLs and progress, aligned', () => {
    const out = renderTaskTable(tasks, { colors: createColors(false), timeZone: 'UTC' })
    expect(out).toBe(
      [
        'TASK ID  CREATED (UTC)        STATUS      URLS DONE  FAILED  PROGRESS',
        'task-a   2026-01-31 08:00:00  * process         1/2       0       70%',
        'task-b   2026-01-31 08:01:30  ✗ failure         2/2       1       50%',
        'task-c   -                    ? ySoPLGgE        0/0       0        0%',
        '',
      ].join('\n'),
    )
  })

  it("shows a failed URL's own figure, as the URL view does, not a full 100%", () => {
    const out = renderTaskTable([tasks[1] as TaskInfo], { colors: createColors(false), timeZone: 'UTC' })
    expect(out).toMatch(/task-b .* 50%\n$/)
  })

  it('shows the refresh type when the tasks have one', () => {
    const refresh = [{ taskId: 'r1', status: 'success', type: 'dir', urlLists: [] }]
    expect(renderTaskTable(refresh, { colors: createColors(false), timeZone: 'UTC' })).toMatch(
      /^TASK ID .* TYPE +STATUS/,
    )
    expect(renderTaskTable(tasks, { colors: createColors(false), timeZone: 'UTC' })).not.toContain('TYPE')
  })

  it('drops the creation time, then the failed count, rather than wrap on a narrow terminal', () => {
    const narrow = renderTaskTable(tasks, { colors: createColors(true), timeZone: 'UTC', width: 50 })
    expect(narrow.split('\n')[0]).toMatch(/^\S*TASK ID\S* +\S*STATUS/)
    for (const line of narrow.split('\n')) expect(stripVTControlCharacters(line).length).toBeLessThan(50)
    expect(narrow).toContain('✗ failure')
    expect(renderTaskTable(tasks, { colors: createColors(false), timeZone: 'UTC', width: 80 })).toContain(
      'CREATED',
    )
  })

  it('renders creation time in the given zone, named in the header', () => {
    const out = renderTaskTable(tasks.slice(0, 1), {
      colors: createColors(false),
      timeZone: 'Asia/Singapore',
    })
    expect(out).toContain('2026-01-31 16:00:00')
    expect(out).toContain('CREATED (Asia/Singapore)')
  })

  it('colors statuses only when asked', () => {
    const plain = renderTaskTable(tasks, { colors: createColors(false), timeZone: 'UTC' })
    const colored = renderTaskTable(tasks, { colors: createColors(true), timeZone: 'UTC' })
    expect(plain).not.toContain('\u001b[')
    expect(colored).toContain('\u001b[31m✗ failure\u001b[39m')
    expect(colored).toContain('\u001b[36m* process\u001b[39m')
  })

  it('shows control characters in API strings escaped: no escape sequence, no forged row', () => {
    const hostile: TaskInfo[] = [
      { taskId: 'evil\u001b]0;pwned\u0007\nFORGED ROW', status: 'wait\u001b[2J\u202e', urlLists: [] },
    ]
    const out = renderTaskTable(hostile, { colors: createColors(false), timeZone: 'UTC' })
    expect(out).toContain('evil\\x1b]0;pwned\\x07\\nFORGED ROW  -')
    expect(out).toContain('wait\\x1b[2J\\u202e')
    expect(out.split('\n')).toHaveLength(3)
    expect(controlCharacters(out)).toEqual([])
  })
})
