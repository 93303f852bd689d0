// Step 1, validate: the caller's parameters checked against the operation's generated descriptor alone — its
// field table (names, time fields), its generated request check (which also says, in words, what a value must be)
// and its compiled cross-field rules — and turned into the wire parameters (PascalCase, `Action` included).
// Nothing is sent when this throws INVALID_INPUT.
import type { AnyOperation, OperationField, RequestProblem } from '@scloud/ucdn-client'
import { describeValue, quote } from '../describe-value.js'
import { invalidInput } from '../invalid-input.js'

/** Wire parameters, `Action` included, before flattening. */
export type WireParams = Readonly<Record<string, unknown>>

/** How the caller names the parameters: the generated model's names (`send`) or the SDK's (`x-scloud-name`). */
export type Naming = 'model' | 'sdkName'

export interface ValidateOptions {
  /** Prefixes every message: the method the caller called. */
  readonly method: string
  readonly names: Naming
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** `String.prototype.isWellFormed` (ES2024) where the runtime has it: far cheaper than the expression. */
type MaybeWellFormed = { isWellFormed?: (this: string) => boolean }
const nativeIsWellFormed = (String.prototype as MaybeWellFormed).isWellFormed
const isWellFormed: (text: string) => boolean =
  typeof nativeIsWellFormed === 'function'
    ? (text) => nativeIsWellFormed.call(text)
    : (text) => !LONE_SURROGATE.test(text)

/**
 * The wire parameters of a valid call; INVALID_INPUT (`source: 'input'`, `field` as the caller named it) else.
 * `projectId` is sent as `ProjectId` when the operation has one and the call does not set it.
 */
export function validate(
  operation: AnyOperation,
  params: unknown,
  options: ValidateOptions,
  projectId: string | undefined,
): WireParams {
  const { method, names } = options
  if (params !== undefined && (params === null || typeof params !== 'object' || Array.isArray(params))) {
    throw invalidInput(`${method}: params must be an object (or omitted).`, { field: 'params' })
  }
  const given = (params ?? {}) as Record<string, unknown>
  const { byName, projectIdName } = fieldIndex(operation, names)
  for (const key in given) {
    if (!Object.hasOwn(given, key)) continue
    if (!byName.has(key)) {
      const known = operation.fields.map((field) => field[names]).join(', ')
      throw invalidInput(`${method}: unknown parameter ${quote(key)} (known: ${known}).`, { field: key })
    }
  }
  const wire: Record<string, unknown> = { Action: operation.action }
  for (const field of operation.fields) {
    const value = given[field[names]]
    if (value !== undefined) wire[field.wire] = field.time && value instanceof Date ? toSeconds(value) : value
  }
  if (wire.ProjectId === undefined && projectId !== undefined && projectIdName !== undefined) {
    wire.ProjectId = projectId
  }
  const problems = operation.checkRequest(wire)
  if (problems !== undefined) throw describeProblems(operation, problems, given, options)
  for (const field of operation.fields) checkUnicode(field, wire[field.wire], options)
  const problem = operation.checkRules(wire)
  if (problem !== undefined) {
    const field = operation.fields.find((f) => f.wire === problem.field)
    const name = field?.[names] ?? problem.field
    const value = wire[problem.field]
    // The rule's detail names fields by wire name; the caller knows them by theirs.
    const detail = problem.detail.replace(/\b[A-Z]\w*\b/g, (word) => {
      const named = operation.fields.find((f) => f.wire === word)
      return named ? named[names] : word
    })
    const subject = value === undefined ? name : `${name} (${describeValue(value)})`
    throw invalidInput(`${method}: ${subject} ${detail.startsWith('must') ? '' : 'is '}${detail}.`, {
      field: name,
    })
  }
  return wire
}

interface FieldIndex {
  readonly byName: ReadonlyMap<string, OperationField>
  /** How the caller names `ProjectId`, when the operation has one. */
  readonly projectIdName: string | undefined
}

// Per descriptor and naming, built on first use: a call looks its parameters up, it does not rebuild the table.
const indexes: Record<Naming, WeakMap<AnyOperation, FieldIndex>> = {
  model: new WeakMap(),
  sdkName: new WeakMap(),
}

function fieldIndex(operation: AnyOperation, names: Naming): FieldIndex {
  let index = indexes[names].get(operation)
  if (index === undefined) {
    const byName = new Map(operation.fields.map((field) => [field[names], field]))
    index = { byName, projectIdName: operation.fields.find((f) => f.wire === 'ProjectId')?.[names] }
    indexes[names].set(operation, index)
  }
  return index
}

/** A Date as whole Unix seconds; an invalid Date stays as it is, for the schema to refuse and name. */
function toSeconds(date: Date): number | Date {
  const ms = date.getTime()
  return Number.isNaN(ms) ? date : Math.floor(ms / 1000)
}

/** The first problem, named as the caller names it (a Date as given, not as seconds); the others counted. */
function describeProblems(
  operation: AnyOperation,
  problems: readonly RequestProblem[],
  given: Readonly<Record<string, unknown>>,
  { method, names }: ValidateOptions,
) {
  const [first] = problems
  if (first === undefined) return invalidInput(`${method}: params are invalid.`)
  const more =
    problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''
  const { index } = first
  const field = operation.fields.find((f) => f.wire === first.field)
  const name = field?.[names] ?? first.field
  const what =
    field?.time && index === undefined ? `Unix seconds (${first.expected}) or a valid Date` : first.expected
  const shown = index === undefined ? given[name] : first.input
  const got = shown === undefined ? 'nothing' : Array.isArray(shown) ? itemCount(shown) : describeValue(shown)
  const hint = field?.time && first.tooBig ? ' (it looks like milliseconds)' : ''
  const where = index === undefined ? name : `${name}[${String(index)}]`
  return invalidInput(`${method}: ${where} must be ${what}, got ${got}${hint}${more}.`, { field: name })
}

function itemCount(array: readonly unknown[]): string {
  return `an array of ${array.length} item${array.length === 1 ? '' : 's'}`
}

/**
 * A lone UTF-16 surrogate passes a string schema but has no UTF-8 form to send or sign: refused, naming the item.
 * Runs on every call for every parameter, so it allocates nothing.
 */
function checkUnicode(field: OperationField, value: unknown, { method, names }: ValidateOptions): void {
  if (typeof value === 'string') {
    if (!isWellFormed(value)) throw lonelySurrogate(method, field[names], field[names])
    return
  }
  if (!Array.isArray(value)) return
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i]
    if (typeof item === 'string' && !isWellFormed(item)) {
      throw lonelySurrogate(method, `${field[names]}[${i}]`, field[names])
    }
  }
}

function lonelySurrogate(method: string, where: string, field: string) {
  return invalidInput(`${method}: ${where} must be well-formed Unicode (it has a lone surrogate).`, { field })
}
