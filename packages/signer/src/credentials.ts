import { CredentialsError } from './credentials-error.js'

/** A key pair. Objects made by this package's providers hide `privateKey` from every way of printing them. */
export interface Credentials {
  readonly publicKey: string
  readonly privateKey: string
}

/** Resolves credentials for one request; called for every request, so cache inside if resolving is slow. */
export type CredentialProvider = () => Promise<Credentials>

/**
 * A provider of fixed credentials, validated now so a bad key fails at startup, not at the first call.
 *
 * @throws {CredentialsError} `CREDENTIALS_INVALID` unless both keys are non-empty strings without
 *   surrounding whitespace (a pasted newline would otherwise be signed and fail as RetCode 171).
 */
export function fromStatic(credentials: {
  readonly publicKey: string
  readonly privateKey: string
}): CredentialProvider {
  const resolved = checkedCredentials(credentials)
  return async () => resolved
}

/** What {@link fromStatic} resolves to: the keys given, validated now (same errors). */
export function checkedCredentials(credentials: {
  readonly publicKey: string
  readonly privateKey: string
}): Credentials {
  return createCredentials(credentials?.publicKey, credentials?.privateKey, {
    publicKey: 'The publicKey given',
    privateKey: 'The privateKey given',
  })
}

/**
 * Validated credentials that never show their private key: not in `JSON.stringify`, `String()`, template
 * literals, `util.inspect`/`console.log`, `Object.keys` or spread (it is a getter over a private field, so
 * a copy made by spreading simply has no private key). `names` say where each key came from, for errors.
 *
 * @throws {CredentialsError} `CREDENTIALS_INVALID`, naming the key but never showing its value.
 */
export function createCredentials(
  publicKey: unknown,
  privateKey: unknown,
  names: { readonly publicKey: string; readonly privateKey: string },
): Credentials {
  return new RedactedCredentials(
    checkKey(publicKey, names.publicKey, 'publicKey'),
    checkKey(privateKey, names.privateKey, 'privateKey'),
  )
}

function checkKey(value: unknown, name: string, field: keyof Credentials): string {
  let problem: string | undefined
  if (typeof value !== 'string')
    problem = value === undefined ? 'is missing' : `is a ${typeof value}, not a string`
  else if (value === '') problem = 'is empty'
  else if (value.trim() !== value) problem = 'has leading or trailing whitespace'
  if (problem === undefined) return value as string
  throw new CredentialsError('CREDENTIALS_INVALID', `${name} ${problem}; give the key exactly as issued.`, {
    field,
  })
}

const REDACTED = '[redacted]'

class RedactedCredentials implements Credentials {
  readonly publicKey: string
  readonly #privateKey: string

  constructor(publicKey: string, privateKey: string) {
    this.publicKey = publicKey
    this.#privateKey = privateKey
    Object.freeze(this)
  }

  get privateKey(): string {
    return this.#privateKey
  }

  toJSON(): { publicKey: string; privateKey: string } {
    return { publicKey: this.publicKey, privateKey: REDACTED }
  }

  toString(): string {
    return `Credentials { publicKey: ${JSON.stringify(this.publicKey)}, privateKey: ${REDACTED} }`
  }

  // util.inspect (console.log, REPL, test runners) calls this without Node having to be imported.
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString()
  }
}
