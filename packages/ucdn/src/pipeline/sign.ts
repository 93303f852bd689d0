// Step 3, sign: run on every attempt, so a rotated key (a provider is asked each time) and a fresh signature go
// with each one. The wire parameters are flattened once by @scloud/signer, signed flat, and form-encoded.
import { type CredentialProvider, type Credentials, flattenParams, signParams } from '@scloud/signer'
import { isUcdnError, type UcdnError } from '../errors.js'
import { invalidInput } from '../invalid-input.js'
import type { WireParams } from './validate.js'

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded'

/** The signed form body of one attempt, and the public key it was signed for (the log names neither). */
export async function sign(
  action: string,
  wire: WireParams,
  credentials: CredentialProvider,
): Promise<string> {
  let keys: Credentials
  try {
    keys = await credentials()
  } catch (error) {
    throw signerError(action, error) ?? error
  }
  if (!isUsable(keys)) {
    throw invalidInput(
      `${action}: the credential provider did not return a publicKey and a privateKey that are non-empty strings.`,
      { source: 'credentials', field: 'credentials', action },
    )
  }
  try {
    const flat = flattenParams({ ...wire, PublicKey: keys.publicKey })
    const signature = signParams(flat, keys.privateKey)
    return `${encodeForm(flat)}&Signature=${signature}`
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

/** `key=value&…`, both sides as encodeURIComponent writes them (validation refused lone surrogates). */
function encodeForm(flat: Readonly<Record<string, string>>): string {
  let body = ''
  for (const key of Object.keys(flat)) {
    if (body !== '') body += '&'
    body += `${encodeURIComponent(key)}=${encodeURIComponent(flat[key] as string)}`
  }
  return body
}
