import type { RequestLogEntry } from '../answer-request.js'

/**
 * One request-log line: time, method, action, RetCode (or the HTTP status of a non-API answer), duration, and
 * the injected fault if any. Built from the entry's fields only, so no parameter value, key or signature can
 * reach the log; the action (as received, so anything) is cut to 64 printable characters.
 */
export function formatRequestLogLine(entry: RequestLogEntry, at: Date): string {
  const action = entry.action === undefined ? '-' : printable(entry.action)
  const result = entry.retCode === undefined ? `HTTP ${entry.status}` : `RetCode ${entry.retCode}`
  const fault = entry.fault === undefined ? '' : ` (fault: ${entry.fault})`
  return `${at.toISOString()} ${printable(entry.method)} ${action} ${result} ${entry.durationMs} ms${fault}\n`
}

function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\s]/g, '?')
  return clean.length > 64 ? `${clean.slice(0, 64)}…` : clean
}
