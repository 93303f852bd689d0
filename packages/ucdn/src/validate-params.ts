// Input validation for describePrefetchTasks, built on the zod schemas generated from the spec: the field rules
// come from the spec; this file adds the SDK's names, Date support, cross-field rules and readable messages.
import {
  type DescribeNewUcdnPrefetchCacheTaskRequest,
  DescribeNewUcdnPrefetchCacheTaskRequestActionEnum,
  PrefetchStatus,
} from '@scloud/ucdn-client'
import { DescribeNewUcdnPrefetchCacheTaskRequestSchema } from '@scloud/ucdn-client/schemas'
import * as z from 'zod/mini'
import { describeValue } from './describe-value.js'
import { UcdnError } from './errors.js'

/** Parameters of {@link UcdnClient.describePrefetchTasks}; all optional. */
export interface DescribePrefetchTasksParams {
  /** Only these tasks (the ids returned when the tasks were submitted). */
  readonly taskIds?: readonly string[] | undefined
  /** Start of the query window: Unix seconds or a `Date`. Required when `endTime` is given. */
  readonly beginTime?: number | Date | undefined
  /** End of the query window: Unix seconds or a `Date`. Defaults to now; needs `beginTime`. */
  readonly endTime?: number | Date | undefined
  /** Only tasks with this status. */
  readonly status?: PrefetchStatus | undefined
  /** Number of tasks to skip, ≥ 0. */
  readonly offset?: number | undefined
  /** Number of tasks to return, ≥ 0. Default: all. */
  readonly limit?: number | undefined
  /** Whole-site acceleration (DCDN) tasks instead of CDN tasks. */
  readonly isDcdn?: boolean | undefined
  /** Project; defaults to the client's `projectId`. */
  readonly projectId?: string | undefined
}

const wire = DescribeNewUcdnPrefetchCacheTaskRequestSchema.shape
// The spec's maximum (10^11, milliseconds by mistake) is left to toSeconds, whose message names the likely mistake.
const time = () => z.optional(z.union([z.int().check(z.gte(0)), z.date()]))

const paramsSchema = z.strictObject({
  taskIds: wire.TaskId,
  beginTime: time(),
  endTime: time(),
  status: wire.Status,
  offset: wire.Offset,
  limit: wire.Limit,
  isDcdn: wire.IsDcdn,
  projectId: wire.ProjectId,
})

type Field = keyof typeof paramsSchema.shape
const FIELDS = Object.keys(paramsSchema.shape) as Field[]
const STATUSES: readonly string[] = Object.values(PrefetchStatus)

/** What each field must be, completing "<field> must be …". */
const SECONDS = 'Unix seconds (an integer ≥ 0) or a valid Date'
const NATURAL = 'an integer ≥ 0'
const RULES: Record<Field, string> = {
  taskIds: 'an array of non-empty strings',
  beginTime: SECONDS,
  endTime: SECONDS,
  status: `one of ${STATUSES.join(', ')}`,
  offset: NATURAL,
  limit: NATURAL,
  isDcdn: 'a boolean',
  projectId: 'a non-empty string',
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

// 10^11 s is the year 5138; a bigger "seconds" value is almost certainly Date.now() milliseconds.
const MAX_PLAUSIBLE_SECONDS = 1e11

/**
 * Validates `params` and turns them into the generated request model. Throws {@link UcdnError} `INVALID_INPUT`
 * naming the first bad field (`taskIds[1] must be a non-empty string`).
 */
export function toDescribeRequest(
  params: DescribePrefetchTasksParams | undefined,
  defaults: { readonly projectId?: string | undefined } = {},
  method = 'describePrefetchTasks',
): DescribeNewUcdnPrefetchCacheTaskRequest {
  if (params !== undefined && (params === null || typeof params !== 'object' || Array.isArray(params))) {
    throw invalidInput(`${method}: params must be an object (or omitted).`)
  }
  // `reportInput` (the rejected value, for the message) costs zod its fast path: ask for it only on failure.
  const parsed = paramsSchema.safeParse(params ?? {})
  if (!parsed.success) {
    const issues = paramsSchema.safeParse(params ?? {}, { reportInput: true }).error?.issues ?? []
    throw invalidInput(`${method}: ${describeIssues(issues)}`)
  }
  const p = parsed.data
  // A lone UTF-16 surrogate passes the schema (a non-empty string) but has no UTF-8 form to send or sign.
  const taskIds = p.taskIds ?? []
  for (let i = 0; i < taskIds.length; i++) {
    if (LONE_SURROGATE.test(taskIds[i]!)) throw notUnicode(method, `taskIds[${i}]`)
  }
  if (p.projectId !== undefined && LONE_SURROGATE.test(p.projectId)) throw notUnicode(method, 'projectId')
  const beginTime = toSeconds(p.beginTime, 'beginTime', method)
  const endTime = toSeconds(p.endTime, 'endTime', method)
  if (endTime !== undefined && beginTime === undefined) {
    throw invalidInput(
      `${method}: beginTime is required when endTime is given (the API rejects EndTime alone).`,
    )
  }
  if (beginTime !== undefined && endTime !== undefined && beginTime > endTime) {
    throw invalidInput(`${method}: beginTime (${beginTime}) must not be after endTime (${endTime}).`)
  }
  return {
    action: DescribeNewUcdnPrefetchCacheTaskRequestActionEnum.DescribeNewUcdnPrefetchCacheTask,
    projectId: p.projectId ?? defaults.projectId,
    taskId: p.taskIds,
    beginTime,
    endTime,
    status: p.status,
    offset: p.offset,
    limit: p.limit,
    isDcdn: p.isDcdn,
  }
}

export function invalidInput(message: string, extra: { missingTaskIds?: readonly string[] } = {}): UcdnError {
  return new UcdnError({ code: 'INVALID_INPUT', message, ...extra })
}

function notUnicode(method: string, name: string): UcdnError {
  return invalidInput(`${method}: ${name} must be well-formed Unicode (it has a lone surrogate).`)
}

function toSeconds(value: number | Date | undefined, field: Field, method: string): number | undefined {
  if (value === undefined) return undefined
  if (value instanceof Date) {
    const seconds = Math.floor(value.getTime() / 1000)
    if (seconds < 0) throw invalidInput(`${method}: ${field} must be ${RULES[field]}, not before 1970.`)
    return seconds
  }
  if (value >= MAX_PLAUSIBLE_SECONDS) {
    throw invalidInput(`${method}: ${field} looks like milliseconds (${value}); pass Unix seconds or a Date.`)
  }
  return value
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const [first] = issues
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : ''
  return `${first === undefined ? 'params are invalid' : describeIssue(first)}${more}.`
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown parameter ${issue.keys.map((key) => `"${key}"`).join(', ')} (known: ${FIELDS.join(', ')})`
  }
  const [field, index] = issue.path
  const name = index === undefined ? String(field) : `${String(field)}[${String(index)}]`
  const rule = index === undefined ? (RULES[field as Field] ?? 'valid') : 'a non-empty string'
  return `${name} must be ${rule}, got ${describeValue(issue.input)}`
}
