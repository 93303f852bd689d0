// The shape of a generated operation descriptor (docs/adr/0004-generic-core.md): types only. Copied verbatim by `pnpm generate` into
// packages/ucdn-client/src/generated/operation.ts; spec-independent. No schema library: a descriptor carries
// generated checks; the zod schemas of the same spec are in `@scloud/ucdn-client/schemas`.

/** How a request parameter travels: a primitive, or an array of one (sent indexed, `Name.0`, `Name.1`, …). */
export type WireType =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'string[]'
  | 'integer[]'
  | 'number[]'
  | 'boolean[]'

/** How one request parameter travels and is named. */
export interface OperationField {
  /** The wire name, `TaskId`. */
  readonly wire: string
  /** The typescript-fetch model property, `taskId`. */
  readonly model: string
  /** The SDK's name: `x-scloud-name` (`taskIds`), else `model`. */
  readonly sdkName: string
  readonly type: WireType
  readonly required: boolean
  /** `x-scloud-time`: Unix seconds; the SDK also takes a `Date`. */
  readonly time?: 'unix-seconds'
  /** The values an enum parameter (or each item of an array of them) may take. */
  readonly enum?: readonly string[]
  /** The pattern a string parameter (or each item of an array of them) must match (`pattern`). */
  readonly pattern?: string
  /** The most items an array parameter takes (`maxItems`). */
  readonly maxItems?: number
}

/** Offset/limit paging (`x-scloud-pagination`). */
export interface OperationPagination {
  /** Model names (what `send` takes and returns). */
  readonly offset: string
  readonly limit: string
  readonly items: string
  readonly total: string
  /** The same fields' wire names. */
  readonly wire: {
    readonly offset: string
    readonly limit: string
    readonly items: string
    readonly total: string
  }
}

/** A request parameter (or one item of an array parameter) that does not match the spec. */
export interface RequestProblem {
  /** The wire name, `TaskId`. */
  readonly field: string
  /** The item at fault, for an array parameter whose items are checked one by one. */
  readonly index?: number
  /** The value at fault (the item's, with `index`). */
  readonly input: unknown
  /** What it must be, in words: `an integer ≥ 0`, `one of file, dir, m3u8`. */
  readonly expected: string
  /** A number above the maximum (not of the wrong type): "it looks like milliseconds" for a time. */
  readonly tooBig?: boolean
}

/** A cross-field rule broken: the wire name of the field at fault and what is wrong. */
export interface RuleProblem {
  readonly field: string
  readonly detail: string
}

/** One action of the API: everything the SDK and the mock need to call it, check it and answer it. */
export interface Operation<Action extends string, Request, Response, RequestWire, ResponseWire> {
  readonly action: Action
  /** `x-scloud-idempotent`: safe to repeat. */
  readonly idempotent: boolean
  readonly pagination: OperationPagination | undefined
  /** Request parameters other than `Action`, in spec order. */
  readonly fields: readonly OperationField[]
  /**
   * The wire parameters (PascalCase, `Action` aside) checked as the request schema says: every problem, or
   * undefined when there is none. Generated from the spec; held to its zod schema by a property test.
   */
  checkRequest(wire: Readonly<Record<string, unknown>>): readonly RequestProblem[] | undefined
  /** The compiled `x-scloud-rules`: the first one `wire` breaks, or undefined. */
  checkRules(wire: RequestWire): RuleProblem | undefined
  /**
   * The answer checked exactly as the response schema says and mapped to the model in one pass; undefined when
   * it does not match ({@link Operation.responseMiss} then says where).
   */
  checkAndMap(json: unknown): Response | undefined
  /** Where the last `checkAndMap` of this operation that answered undefined found its first problem. Read it at once. */
  responseMiss(): ResponseMiss
  /** Action-specific RetCodes (`x-scloud-ret-codes`). */
  readonly retCodes: Readonly<Record<number, string>>
  /** Type-only, never set at run time: lets {@link RequestOf} infer the models from any descriptor. */
  readonly types?: {
    readonly request: Request
    readonly response: Response
    readonly requestWire: RequestWire
    readonly responseWire: ResponseWire
  }
}

/** Any operation descriptor (what a table of operations holds). */
export type AnyOperation = Operation<string, unknown, unknown, unknown, unknown>

/** The action name of an operation descriptor. */
export type ActionOf<O> = O extends Operation<infer A, unknown, unknown, unknown, unknown> ? A : never
/** The typescript-fetch request model (camelCase, `action` included). */
export type RequestOf<O> = O extends Operation<string, infer R, unknown, unknown, unknown> ? R : never
/** The typescript-fetch response model (camelCase). */
export type ResponseOf<O> = O extends Operation<string, unknown, infer R, unknown, unknown> ? R : never
/** The request's wire shape (PascalCase), as `request` outputs it. */
export type RequestWireOf<O> = O extends Operation<string, unknown, unknown, infer W, unknown> ? W : never
/** The answer's wire shape (PascalCase), as `response` outputs it. */
export type ResponseWireOf<O> = O extends Operation<string, unknown, unknown, unknown, infer W> ? W : never

/** Where an answer did not match: the path down to the value at fault, and what was expected there. */
export interface ResponseMiss {
  /** Property names and array indexes from the top of the answer; empty when the top is at fault. */
  readonly path: readonly (string | number)[]
  /** In words: `a string`, `an integer ≥ 0`. */
  readonly expected: string
}
