// The shape of a generated operation descriptor (docs/adr/0004-generic-core.md). Copied verbatim by
// `pnpm generate` into packages/ucdn-client/src/generated/operation.ts; spec-independent.
import type * as z from 'zod/mini'

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
  /** zod/mini schemas of the wire shapes (PascalCase), `Action` included in the request. */
  readonly request: z.ZodMiniType<RequestWire>
  readonly response: z.ZodMiniType<ResponseWire>
  /** The compiled `x-scloud-rules`: the first one `wire` breaks, or undefined. */
  checkRules(wire: RequestWire): RuleProblem | undefined
  /** The answer checked exactly as `response` would and mapped to the model in one pass; undefined when it does not match. */
  checkAndMap(json: unknown): Response | undefined
  /** Action-specific RetCodes (`x-scloud-ret-codes`). */
  readonly retCodes: Readonly<Record<number, string>>
  /** The spec's examples (wire shapes). */
  readonly example: { readonly request: RequestWire | undefined; readonly response: ResponseWire }
  /** Type-only, never set at run time: lets {@link RequestOf} infer the models from any descriptor. */
  readonly types?: { readonly request: Request; readonly response: Response }
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

/** Freezes a generated descriptor (generated code calls it; marked pure there). */
export function defineOperation<O extends AnyOperation>(operation: O): O {
  return Object.freeze(operation)
}
