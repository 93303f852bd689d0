import { describe, expect, it } from 'vitest'
import { formatRequestLogLine } from './request-log.js'

const AT = new Date(Date.UTC(2026, 10, 29, 8, 0, 0))
const entry = {
  method: 'POST',
  action: 'X',
  retCode: 0,
  status: 200,
  fault: undefined,
  durationMs: 3,
} as const

describe('formatRequestLogLine', () => {
  it('names the RetCode of an API answer, the HTTP status of any other, and the fault', () => {
    expect(formatRequestLogLine(entry, AT)).toBe('2026-11-29T08:00:00.000Z POST X RetCode 0 3 ms\n')
    expect(
      formatRequestLogLine(
        { ...entry, action: undefined, retCode: undefined, status: 503, fault: 'http' },
        AT,
      ),
    ).toBe('2026-11-29T08:00:00.000Z POST - HTTP 503 3 ms (fault: http)\n')
  })

  it('keeps a hostile Action on one short line', () => {
    const line = formatRequestLogLine({ ...entry, action: `A\r\nFAKE 200 OK\u001b[2J${'x'.repeat(100)}` }, AT)
    expect(line.split('\n')).toHaveLength(2)
    expect(line).toContain('A??FAKE?200?OK?[2J')
    expect(line).toMatch(/x…/)
  })
})
