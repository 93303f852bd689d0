import { type ActionName, operations } from '@scloud/ucdn-client/schemas'
import type { ReceivedParams } from './read-params.js'
import { quoteForMessage, RET_CODES } from './responses.js'
import { signedParamsOf } from './signed-params.js'

/** Checks `params.Signature` against the other parameters under `privateKey` (the signer's `verifySignature`). */
export type VerifySignature = (params: Readonly<Record<string, unknown>>, privateKey: string) => boolean

export type GatewayResult =
  | { readonly ok: true; readonly action: ActionName; readonly publicKey: string }
  | {
      readonly ok: false
      readonly action: string | undefined
      readonly retCode: number
      readonly message: string
    }

/**
 * The real gateway's checks, in its order, before any parameter is validated: `Action` present (160) and
 * known (161); `PublicKey` that of a registered key pair (172); `Signature` present (170) and right (171),
 * verified over exactly the parameters received, as the client signed them ({@link signedParamsOf}: JSON
 * arrays and null by the Go SDK's rules). Messages never contain a signature or a key.
 */
export function checkGateway(
  params: ReceivedParams,
  privateKeys: ReadonlyMap<string, string>,
  verify: VerifySignature,
  missingActionHint?: string,
): GatewayResult {
  const action = stringParam(params, 'Action')
  if (action === undefined) {
    const message =
      missingActionHint === undefined ? 'Missing Action' : `Missing Action (${missingActionHint})`
    return refuse(undefined, RET_CODES.missingAction, message)
  }
  if (!Object.hasOwn(operations, action)) {
    return refuse(action, RET_CODES.actionNotFound, `Action ${quoteForMessage(action)} not found`)
  }
  const publicKey = stringParam(params, 'PublicKey')
  if (publicKey === undefined) return refuse(action, RET_CODES.userNotFound, 'Missing PublicKey')
  const privateKey = privateKeys.get(publicKey)
  if (privateKey === undefined) {
    return refuse(action, RET_CODES.userNotFound, 'User not found: no account has this PublicKey')
  }
  if (stringParam(params, 'Signature') === undefined) {
    return refuse(action, RET_CODES.missingSignature, 'Missing Signature')
  }
  if (!signedParamsOf(params).some((signed) => verify(signed, privateKey)))
    return refuse(action, RET_CODES.signatureError, 'Signature VerifyAC Error')
  return { ok: true, action: action as ActionName, publicKey }
}

function stringParam(params: ReceivedParams, name: string): string | undefined {
  const value = Object.hasOwn(params, name) ? params[name] : undefined
  return typeof value === 'string' && value !== '' ? value : undefined
}

function refuse(action: string | undefined, retCode: number, message: string): GatewayResult {
  return { ok: false, action, retCode, message }
}
