/** Where a failure arose, so an app can branch on it without reading the message. */
export type ScloudErrorSource = 'input' | 'config' | 'credentials' | 'transport' | 'api' | 'response'

/** The optional parts of a {@link ScloudError}. */
export interface ScloudErrorOptions {
  /** The parameter or option at fault, as the caller named it (`TaskId.3`, `timeoutMs`, `profile`). */
  readonly field?: string | undefined
  /** Where the failure arose. */
  readonly source?: ScloudErrorSource | undefined
  /** The error underneath (a socket error, a file error); reduced to name, code and message by `toJSON`. */
  readonly cause?: unknown
}

/**
 * The base of every SCloud SDK error (`CredentialsError`, `SigningError`; `@scloud/ucdn`'s `UcdnError` and
 * `@scloud/ucdn-mock`'s `UcdnMockError` extend it too): a stable `code` to switch on, the `field` at fault and
 * the `source` of the failure, so apps never parse messages. Messages never contain a key or a signature, and
 * `toJSON` keeps it that way for logs: no stack, the cause reduced to its name, code and message.
 *
 * A subclass sets its own `name` (`override readonly name = 'UcdnError'`) and narrows `Code`.
 */
export class ScloudError<Code extends string = string> extends Error {
  override readonly name: string = 'ScloudError'
  /** What went wrong, as a stable value: switch on it. */
  readonly code: Code
  /** The parameter or option at fault, when there is one. */
  readonly field: string | undefined
  /** Where the failure arose, when known. */
  readonly source: ScloudErrorSource | undefined

  constructor(code: Code, message: string, options: ScloudErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.field = options.field
    this.source = options.source
  }

  /** A plain, safe object for logs and JSON: no stack, the cause reduced to its name, code and message. */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), message: this.message, cause: reduceCause(this.cause) }
  }
}

function reduceCause(cause: unknown): unknown {
  if (cause === undefined) return undefined
  if (!(cause instanceof Error)) return typeof cause
  return { name: cause.name, message: cause.message, code: (cause as { code?: unknown }).code }
}
