// The debug logger hook: one line per attempt. Only redacted wire parameters reach it, never a key or signature.
import type { AttemptReport } from './retry.js'

/** Anything with a `debug` method; `console` fits. */
export interface UcdnLogger {
  debug(message: string, fields?: Record<string, unknown>): void
}

const REDACTED = '[redacted]'
const SECRET_PARAMS: ReadonlySet<string> = new Set(['Signature', 'PublicKey', 'PrivateKey'])

/** The form-encoded wire parameters with `Signature` and `PublicKey` replaced by `[redacted]`. */
export function redactWireParams(body: unknown): Record<string, string> | undefined {
  let params: URLSearchParams
  if (typeof body === 'string') params = new URLSearchParams(body)
  else if (body instanceof URLSearchParams) params = body
  else return undefined
  const out: Record<string, string> = {}
  for (const [key, value] of params) out[key] = SECRET_PARAMS.has(key) ? REDACTED : value
  return out
}

/** What the client knows about one attempt beyond the retry loop's report. */
export interface AttemptFacts {
  readonly action: string
  readonly httpStatus?: number | undefined
  readonly retCode?: number | undefined
  readonly requestId?: string | undefined
  readonly params?: Record<string, string> | undefined
}

export function logAttempt(logger: UcdnLogger, report: AttemptReport, facts: AttemptFacts): void {
  const error = report.error
  const httpStatus = facts.httpStatus ?? error?.httpStatus
  const retCode = facts.retCode ?? error?.retCode
  const requestId = facts.requestId ?? error?.requestId
  const decision =
    report.outcome === 'success'
      ? 'done'
      : report.outcome === 'retry'
        ? `${error?.code}, retrying in ${report.delayMs} ms`
        : `${error?.code}, not retrying`
  const parts = [
    httpStatus === undefined ? undefined : `HTTP ${httpStatus}`,
    retCode === undefined ? undefined : `RetCode ${retCode}`,
    `${report.durationMs} ms`,
    requestId === undefined ? undefined : `request id ${requestId}`,
  ].filter((part) => part !== undefined)
  logger.debug(
    `@scloud/ucdn ${facts.action} attempt ${report.attempt}/${report.maxAttempts}: ${parts.join(', ')} → ${decision}`,
    {
      action: facts.action,
      attempt: report.attempt,
      maxAttempts: report.maxAttempts,
      httpStatus,
      retCode,
      durationMs: report.durationMs,
      requestId,
      outcome: report.outcome,
      delayMs: report.delayMs,
      errorCode: error?.code,
      params: facts.params,
    },
  )
}
