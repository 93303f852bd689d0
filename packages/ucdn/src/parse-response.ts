// Turning the API's answer into a typed page or a UcdnError: JSON.parse → RetCode check → validation → the
// generated camelCase model (in Node a property-tested fast path first; the generated zod schema + FromJSON
// otherwise, which also names the problem when the answer is wrong).

import { DescribeNewUcdnPrefetchCacheTaskResponseFromJSON, type TaskInfo } from '@scloud/ucdn-client'
import { DescribeNewUcdnPrefetchCacheTaskResponseSchema } from '@scloud/ucdn-client/schemas'
import { fastCheckAndMap } from '#platform'
import { UcdnError } from './errors.js'

/** One page of prefetch tasks. */
export interface PrefetchTaskPage {
  /** Tasks matching the query, over all pages (as the API reports it; this page's length if it does not). */
  readonly totalCount: number
  /** The tasks of this page, as the generated `TaskInfo` model (statuses outside the documented set kept). */
  readonly taskList: TaskInfo[]
  /** The `X-UCLOUD-REQUEST-UUID` response header: quote it when reporting a problem. */
  readonly requestId: string | undefined
}

/** A parsed answer; `totalCountReported` tells the paginator whether `totalCount` came from the API. */
export interface ParsedPage {
  readonly page: PrefetchTaskPage
  readonly totalCountReported: boolean
}

/** Advice for the RetCodes whose fix is on the caller's side. */
const RET_CODE_HINTS: Readonly<Record<number, string>> = {
  161: 'check baseUrl',
  171: 'check the private key',
  172: 'check the public key',
  292: 'check projectId',
  294: 'the IP address is not allowed',
  299: 'no permission for this action or project',
}

/** Parses a 2xx answer of `action`. Throws `API_ERROR` for a non-zero RetCode, `INVALID_RESPONSE` for a bad shape. */
export function parseDescribeResponse(
  text: string,
  requestId: string | undefined,
  action: string,
): ParsedPage {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (cause) {
    throw invalidResponse(
      action,
      requestId,
      `${text.trim() ? 'an answer that is not' : 'an empty answer, not'} JSON`,
      cause,
    )
  }
  const retCode = readRetCode(json)
  if (retCode) throw apiError(action, retCode, readMessage(json), requestId)
  const model = fastCheckAndMap(json) ?? validateWithZod(json, requestId, action)
  const taskList = model.taskList ?? []
  return {
    page: { totalCount: model.totalCount ?? taskList.length, taskList, requestId },
    totalCountReported: model.totalCount !== undefined,
  }
}

/** A non-2xx answer as `HTTP_ERROR`, with the RetCode and Message when the body carries them. */
export function httpError(
  action: string,
  httpStatus: number,
  body: string,
  requestId: string | undefined,
  retryAfterMs: number | undefined,
): UcdnError {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {}
  const retCode = readRetCode(json)
  const message = readMessage(json)
  return new UcdnError({
    code: 'HTTP_ERROR',
    message: `${action} failed with HTTP ${httpStatus}${message ? `: ${message}` : ''}${requestIdSuffix(requestId)}.`,
    action,
    httpStatus,
    retCode,
    requestId,
    retryAfterMs,
  })
}

export function apiError(
  action: string,
  retCode: number,
  apiMessage: string | undefined,
  requestId: string | undefined,
): UcdnError {
  const hint = RET_CODE_HINTS[retCode]
  return new UcdnError({
    code: 'API_ERROR',
    message: `${action} failed with RetCode ${retCode}${apiMessage ? `: ${apiMessage}` : ''}${hint ? ` (${hint})` : ''}${requestIdSuffix(requestId)}.`,
    action,
    retCode,
    requestId,
  })
}

function invalidResponse(action: string, requestId: string | undefined, what: string, cause?: unknown) {
  return new UcdnError({
    code: 'INVALID_RESPONSE',
    message: `${action} got ${what} from the API${requestIdSuffix(requestId)}; report it to SCloud support.`,
    action,
    requestId,
    cause,
  })
}

/** The authority on what is valid: the schema generated from the spec. Names the first problem. */
function validateWithZod(json: unknown, requestId: string | undefined, action: string) {
  const parsed = DescribeNewUcdnPrefetchCacheTaskResponseSchema.safeParse(json)
  if (parsed.success) return DescribeNewUcdnPrefetchCacheTaskResponseFromJSON(parsed.data)
  const issue = parsed.error.issues[0]
  const path = issue?.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('')
  const expected = issue && 'expected' in issue ? ` (expected ${String(issue.expected)})` : ''
  throw invalidResponse(
    action,
    requestId,
    `an unexpected shape at ${path?.slice(path.startsWith('.') ? 1 : 0) || 'the top'}${expected}`,
  )
}

/** RetCode as a number (some gateways send a numeric string); `undefined` when absent or not numeric. */
function readRetCode(json: unknown): number | undefined {
  const RetCode = (json as { RetCode?: unknown } | null | undefined)?.RetCode
  return Number.isSafeInteger(RetCode) || (typeof RetCode === 'string' && /^-?\d+$/.test(RetCode))
    ? Number(RetCode)
    : undefined
}

/** Message on one line, at most 200 characters; `undefined` when absent or empty. */
/** The server's Message, one line, at most 200 characters, with anything shaped like a signature (40 hex
 *  digits, say a gateway echoing the request) blanked: a signature can be replayed. */
function readMessage(json: unknown): string | undefined {
  const Message = (json as { Message?: unknown } | null | undefined)?.Message
  const message =
    typeof Message === 'string'
      ? Message.replace(/\s+/g, ' ')
          .replace(/[0-9a-f]{40}/gi, '[redacted]')
          .trim()
          .slice(0, 200)
      : undefined
  return message || undefined
}

function requestIdSuffix(requestId: string | undefined): string {
  return requestId === undefined ? '' : ` (request id ${requestId})`
}
