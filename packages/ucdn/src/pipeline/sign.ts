// Step 3, sign: run on every attempt, so a rotated key (a provider is asked each time) and a fresh signature go
// with each one. The wire parameters are flattened once per call (`flatten`, before the retry loop); each
// attempt signs that flat form with the platform's SHA-1 (`signedFormBody`: `crypto.hash` in Node, Web Crypto in
// browsers, so no hashing library is loaded where the platform has one) and sends exactly what was signed.
import {
  type CredentialProvider,
  type Credentials,
  flattenParams,
  fromStatic,
  signedFormBody,
} from '@scloud/signer'
import { isUcdnError, type UcdnError } from '../errors.js'
import { invalidInput } from '../invalid-input.js'
import type { WireParams } from './validate.js'

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded'

/**
 * The wire parameters in flat form (`TaskId.0`, …), once per call, with an empty `PublicKey` that each attempt
 * sets. The slot goes on the call's own wire object (validate made it; a paginator's page is a copy) before
 * flattening: set in place afterwards, where adding the key to the flat object (or flattening a copy) made a
 * call ~1 µs slower (bench `overhead`).
 */
export function flatten(action: string, wire: WireParams): Record<string, string> {
  try {
    ;(wire as Record<string, unknown>).PublicKey = ''
    return flattenParams(wire)
  } catch (error) {
    throw signerError(action, error) ?? error
  }
}

/** Keys of providers made by {@link fixedCredentials}, once resolved: their attempts sign without an await. */
const fixedKeys = new WeakMap<CredentialProvider, Credentials>()

/**
 * `fromStatic(keys)` (checked now, same errors), whose keys every attempt then reads at once: fixed keys need no
 * promise and no microtask hop per attempt. The first call of a process may still await them once.
 */
export function fixedCredentials(keys: Credentials): CredentialProvider {
  const provider = fromStatic(keys)
  provider().then(
    (resolved) => fixedKeys.set(provider, resolved),
    () => {}, // sign() asks the provider again and reports it
  )
  return provider
}

/**
 * The signed form body of one attempt (the log names neither the key nor the signature): a string at once for
 * fixed credentials with a synchronous SHA-1 (Node), else a promise. Refusals are thrown, or rejected.
 */
export function sign(
  action: string,
  flat: Record<string, string>,
  credentials: CredentialProvider,
): string | Promise<string> {
  const fixed = fixedKeys.get(credentials)
  if (fixed !== undefined) return signWith(action, flat, fixed)
  return signAsked(action, flat, credentials)
}

async function signAsked(
  action: string,
  flat: Record<string, string>,
  credentials: CredentialProvider,
): Promise<string> {
  let keys: Credentials
  try {
    keys = await credentials()
  } catch (error) {
    throw signerError(action, error) ?? error
  }
  return signWith(action, flat, keys)
}

function signWith(
  action: string,
  flat: Record<string, string>,
  keys: Credentials | null | undefined,
): string | Promise<string> {
  if (!isUsable(keys)) {
    throw invalidInput(
      `${action}: the credential provider did not return a publicKey and a privateKey that are non-empty strings.`,
      { source: 'credentials', field: 'credentials', action },
    )
  }
  try {
    // The call's own flat object: setting its PublicKey spares signedFormBody a copy (a rotated key overwrites it).
    flat.PublicKey = keys.publicKey
    const body = signedFormBody(flat, keys)
    if (typeof body === 'string') return body
    return body.catch((error: unknown) => {
      throw signerError(action, error) ?? error
    })
  } catch (error) {
    throw signerError(action, error) ?? error
  }
}

/** The signer's refusals as INVALID_INPUT: bad keys are the credentials' fault, unsignable values the input's. */
export function signerError(action: string | undefined, error: unknown): UcdnError | undefined {
  if (isUcdnError(error)) return error
  if (!(error instanceof Error)) return undefined
  if (error.name === 'CredentialsError') {
    return invalidInput(error.message, { source: 'credentials', field: 'credentials', action, cause: error })
  }
  if (error.name === 'SigningError') {
    const key = (error as { key?: unknown }).key
    const credentials = (error as { code?: unknown }).code === 'PRIVATE_KEY_INVALID'
    return invalidInput(error.message, {
      source: credentials ? 'credentials' : 'input',
      field: credentials ? 'credentials' : typeof key === 'string' ? key.split('.')[0] : undefined,
      action,
      cause: error,
    })
  }
  return undefined
}

function isUsable(keys: Credentials | null | undefined): keys is Credentials {
  return (
    typeof keys?.publicKey === 'string' &&
    keys.publicKey !== '' &&
    typeof keys.privateKey === 'string' &&
    keys.privateKey !== ''
  )
}
