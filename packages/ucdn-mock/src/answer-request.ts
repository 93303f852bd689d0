import { verifySignature } from '@scloud/signer'
import type { AnyOperation } from '@scloud/ucdn-client'
import { type ActionName, operations } from '@scloud/ucdn-client/schemas'
import type { ActionRequest, UcdnBackend } from './backend/ucdn-backend.js'
import { dispatchAction } from './dispatch-action.js'
import { answerWithFault } from './fault-answers.js'
import type { FaultInjector } from './faults.js'
import { checkGateway } from './gateway.js'
import { type ParamProblem, paramProblemMessage } from './param-problem.js'
import { type ParamsEncoding, type ReceivedParams, readParams } from './read-params.js'
import {
  type ApiAnswer,
  apiAnswer,
  apiError,
  httpAnswer,
  methodNotAllowed,
  RET_CODES,
  toResponse,
} from './responses.js'
import { realSleep } from './sleep.js'
import { decodeWireParams, wireTypesOf } from './wire-decode.js'

/** Everything the handlers were configured with, ready to use. */
export type ApiContext = {
  readonly privateKeys: ReadonlyMap<string, string>
  readonly backend: UcdnBackend
  readonly faults: FaultInjector | undefined
  readonly maxBodyBytes: number
  /** Per action, what each parameter should look like, for error messages. */
  readonly expectations: ReadonlyMap<ActionName, ReadonlyMap<string, string>>
}

/**
 * The API's answer to one request: read the parameters, let an injected fault take over, else run the
 * gateway's checks, decode and validate the parameters against the spec, and ask the backend.
 */
export async function answerApiRequest(request: Request, context: ApiContext): Promise<Response> {
  const requestId = crypto.randomUUID()
  const read = await readParams(request, context.maxBodyBytes)
  if (!read.ok) {
    switch (read.reason) {
      case 'method':
        return toResponse(methodNotAllowed())
      case 'tooLarge':
        return toResponse(httpAnswer(413, `Request body larger than ${context.maxBodyBytes} bytes`))
      case 'malformed':
        return toResponse(apiError(requestId, read.action, RET_CODES.invalidParameter, read.message))
    }
  }
  const { params, encoding, hint } = read
  const action = typeof params.Action === 'string' && params.Action !== '' ? params.Action : undefined

  const answer = async (): Promise<ApiAnswer> => {
    const gate = checkGateway(params, context.privateKeys, verifySignature, hint)
    if (!gate.ok) return apiError(requestId, gate.action, gate.retCode, gate.message)
    const checked = checkParams(gate.action, params, encoding)
    if (!checked.ok) {
      const message = paramProblemMessage(checked.problem, context.expectations.get(gate.action)!)
      return apiError(requestId, gate.action, RET_CODES.invalidParameter, message)
    }
    const outcome = await dispatchAction(context.backend, gate.action, checked.request)
    return apiAnswer(requestId, gate.action, outcome.retCode, outcome.fields)
  }

  return answerWithFault(context.faults?.take({ request, action, params }), {
    requestId,
    action,
    signal: request.signal,
    sleep: context.faults?.sleep ?? realSleep,
    answer,
  })
}

type Checked<A extends ActionName> =
  | { readonly ok: true; readonly request: ActionRequest<A> }
  | { readonly ok: false; readonly problem: ParamProblem }

/** Wire decoding, then the spec's request schema, then its cross-field rules (both generated from the spec). */
function checkParams<A extends ActionName>(
  action: A,
  params: ReceivedParams,
  encoding: ParamsEncoding,
): Checked<A> {
  const operation = operations[action]
  const decoded = decodeWireParams(wireTypesOf(operation), params, encoding)
  if (!decoded.ok) return decoded
  const parsed = operation.request.safeParse(decoded.value)
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.map(String) ?? []
    const field = path[0] ?? 'Action'
    return { ok: false, problem: { param: path.length > 0 ? path.join('.') : field, field } }
  }
  const request = parsed.data as ActionRequest<A>
  const broken = (operation as AnyOperation).checkRules(request)
  return broken === undefined
    ? { ok: true, request }
    : { ok: false, problem: { param: broken.field, field: broken.field, detail: broken.detail } }
}
