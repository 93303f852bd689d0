// Turning the API's answer into a typed page or a UcdnError: JSON.parse → RetCode check → validation → the
// generated camelCase model (a proven-equivalent fast path first, the generated zod schema + FromJSON otherwise).
import { DescribeNewUcdnPrefetchCacheTaskResponseFromJSON, type TaskInfo } from '@scloud/ucdn-client'
import { DescribeNewUcdnPrefetchCacheTaskResponseSchema } from '@scloud/ucdn-client/schemas'
import type * as z from 'zod/mini'
import { UcdnError } from './errors.js'
import { fastCheckAndMap } from './fast-response-check.js'

/** One page of prefetch tasks. */
export interface PrefetchTaskPage {
  /** Tasks matching the query, over all pages (as the API reports it; this page's length if it does not). */
  readonly totalCount: number
  readonly taskList: TaskInfo[]
  /** The `X-UCLOUD-REQUEST-UUID` response header: quote it when reporting a problem. */
  readonly requestId: string | undefined
}

/** A parsed answer; `totalCountReported` tells the paginator whether `totalCount` came from the API. */
export interface ParsedPage {
  readonly page: PrefetchTaskPage
  readonly totalCountReported: boolean
}

/** Extra advice for RetCodes whose fix is on the caller's side. */
const RET_CODE_HINTS: Readonly<Record<number, string>> = {
  160: 'the request lost its Action parameter',
  161: 'the endpoint does not know this action; check baseUrl',
  170: 'the request was not signed; check the credentials',
  171: 'the signature did not match; check the private key',
  172: 'no account has this public key; check the credentials',
  292: 'check projectId',
  294: "this machine's IP address is not allowed by the account's API access rules",
  299: 'the key lacks permission for this action or project',
}

/** Parses a 2xx answer of `action`. Throws `API_ERROR` for a non-zero RetCode, `INVALID_RESPONSE` for a bad shape. */
export function parseDescribeResponse(
  text: string,
  requestId: string | undefined,
  action: string,
): ParsedPage {
  const json = parseJson(text, requestId, action)
  const retCode = readRetCode(json)
  if (retCode !== undefined && retCode !== 0) throw apiError(action, retCode, readMessage(json), requestId)
  const model = fastCheckAndMap(json) ?? validateWithZod(json, requestId, action)
  const taskList = model.taskList ?? []
  return {
    page: { totalCount: model.totalCount ?? taskList.length, taskList, requestId },
    totalCountReported: model.totalCount !== undefined,
  }
}

/** A non-2xx answer as `HTTP_ERROR`, with the RetCode and Message when the body carries them. */
/** The authority on what is valid: the schema generated from the spec. Names the first problem. */
function validateWithZod(json: unknown, requestId: string | undefined, action: string) {
  const parsed = DescribeNewUcdnPrefetchCacheTaskResponseSchema.safeParse(json)
  if (!parsed.success) {
    throw invalidResponse(
      action,
      requestId,
      `an unexpected shape (${describeShapeIssue(parsed.error.issues)})`,
    )
  }
  return DescribeNewUcdnPrefetchCacheTaskResponseFromJSON(parsed.data)
}

export function httpError(
  action: string,
  status: number,
  body: string,
  requestId: string | undefined,
  retryAfterMs: number | undefined,
): UcdnError {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    json = undefined
  }
  const retCode = readRetCode(json)
  const apiMessage = readMessage(json)
  const detail = apiMessage === undefined ? '' : `: ${apiMessage}`
  return new UcdnError({
    code: 'HTTP_ERROR',
    message: `${action} failed with HTTP ${status}${detail}${requestIdSuffix(requestId)}.`,
    action,
    httpStatus: status,
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
  retryAfterMs?: number,
): UcdnError {
  const hint = RET_CODE_HINTS[retCode]
  return new UcdnError({
    code: 'API_ERROR',
    message:
      `${action} failed with RetCode ${retCode}` +
      `${apiMessage === undefined ? '' : `: ${apiMessage}`}${hint === undefined ? '' : ` (${hint})`}` +
      `${requestIdSuffix(requestId)}.`,
    action,
    retCode,
    requestId,
    retryAfterMs,
  })
}

export function invalidResponse(
  action: string,
  requestId: string | undefined,
  what: string,
  cause?: unknown,
) {
  return new UcdnError({
    code: 'INVALID_RESPONSE',
    message: `${action} got ${what} from the API${requestIdSuffix(requestId)}; report it to SCloud support.`,
    action,
    requestId,
    cause,
  })
}

function parseJson(text: string, requestId: string | undefined, action: string): unknown {
  try {
    return JSON.parse(text)
  } catch (cause) {
    throw invalidResponse(
      action,
      requestId,
      text.trim() === '' ? 'an empty answer' : 'an answer that is not JSON',
      cause,
    )
  }
}

/** RetCode as a number; some gateways send a numeric string. `undefined` when absent or not numeric. */
function readRetCode(json: unknown): number | undefined {
  if (json === null || typeof json !== 'object') return undefined
  const value = (json as { RetCode?: unknown }).RetCode
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value)
  return undefined
}

function readMessage(json: unknown): string | undefined {
  if (json === null || typeof json !== 'object') return undefined
  const value = (json as { Message?: unknown }).Message
  if (typeof value !== 'string' || value.trim() === '') return undefined
  const oneLine = value.replace(/\s+/g, ' ').trim()
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine
}

function describeShapeIssue(issues: readonly z.core.$ZodIssue[]): string {
  const [first] = issues
  if (first === undefined) return 'unknown problem'
  const path = first.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('')
  const expected =
    'expected' in first ? ` should be ${String(first.expected)}` : ` is invalid (${first.code})`
  return `${path.replace(/^\./, '') || 'the body'}${expected}`
}

function requestIdSuffix(requestId: string | undefined): string {
  return requestId === undefined ? '' : ` (request id ${requestId})`
}
