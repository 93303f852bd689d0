// The debug logger hook: one line per attempt. It gets the call's parameters with PublicKey and Signature shown
// as "[redacted]"; the credentials and the signed request never reach it.
import type { AttemptReport } from './pipeline/retry.js'

/** Anything with a `debug` method; `console` fits. */
export interface UcdnLogger {
  /** One line per attempt: action, attempt, HTTP status, RetCode, duration, request id and what happens next. */
  debug(message: string, fields?: Record<string, unknown>): void
}

/** What the client knows about one attempt beyond the retry loop's report. */
export interface AttemptFacts {
  readonly action: string
  readonly httpStatus?: number | undefined
  readonly retCode?: number | undefined
  readonly requestId?: string | undefined
  readonly params?: Record<string, unknown> | undefined
}

/** The parameters as sent (wire names), without unset ones, with the credentials' place marked redacted. */
export function loggableParams(wireParams: object): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(wireParams)) if (value !== undefined) params[key] = value
  return { ...params, PublicKey: '[redacted]', Signature: '[redacted]' }
}

export function logAttempt(logger: UcdnLogger, report: AttemptReport, facts: AttemptFacts): void {
  const { error, outcome, delayMs, durationMs } = report
  const httpStatus = facts.httpStatus ?? error?.httpStatus
  const retCode = facts.retCode ?? error?.retCode
  const requestId = facts.requestId ?? error?.requestId
  const parts = [
    httpStatus !== undefined && `HTTP ${httpStatus}`,
    retCode !== undefined && `RetCode ${retCode}`,
    `${durationMs} ms`,
    requestId !== undefined && `request id ${requestId}`,
  ]
  const decision =
    outcome === 'success'
      ? 'done'
      : `${error?.code}, ${outcome === 'retry' ? `retrying in ${delayMs} ms` : 'not retrying'}`
  logger.debug(
    `@scloud/ucdn ${facts.action} attempt ${report.attempt}/${report.maxAttempts}: ${parts.filter(Boolean).join(', ')} → ${decision}`,
    {
      ...facts,
      attempt: report.attempt,
      maxAttempts: report.maxAttempts,
      httpStatus,
      retCode,
      durationMs,
      requestId,
      outcome,
      delayMs,
      errorCode: error?.code,
    },
  )
}
