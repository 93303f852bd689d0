import { verifySignature } from '@scloud/signer'
import type { AnyOperation } from '@scloud/ucdn-client'
import { type ActionName, operationSchemas, operations } from '@scloud/ucdn-client/schemas'
import type { ActionRequest, UcdnBackend } from './backend/ucdn-backend.js'
import { dispatchAction } from './dispatch-action.js'
import { answerWithFault } from './fault-answers.js'
import type { Fault, FaultInjector } from './faults.js'
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
  readonly onRequest: ((entry: RequestLogEntry) => void) | undefined
}

/** One answered request, for a request log. Never holds a parameter's value, a key or a signature. */
export type RequestLogEntry = {
  readonly method: string
  /** The `Action` parameter as received (unchecked: it may name no action), when there was one. */
  readonly action: string | undefined
  /** The answer's RetCode, when it was an API answer. */
  readonly retCode: number | undefined
  /** The HTTP status; 0 when the connection was dropped (a `connectionReset` fault). */
  readonly status: number
  /** The injected fault that shaped the answer, if any. */
  readonly fault: Fault['kind'] | undefined
  /** From the request's arrival at the handlers to its answer's headers, ms. */
  readonly durationMs: number
}

type Seen = { action?: string | undefined; retCode?: number | undefined; fault?: Fault['kind'] | undefined }

/** {@link respond}, timed and reported to `context.onRequest`. */
export async function answerApiRequest(request: Request, context: ApiContext): Promise<Response> {
  const started = performance.now()
  const seen: Seen = {}
  const response = await respond(request, context, seen)
  context.onRequest?.({
    method: request.method,
    action: seen.action,
    retCode: seen.retCode,
    status: response.type === 'error' ? 0 : response.status,
    fault: seen.fault,
    durationMs: Math.round(performance.now() - started),
  })
  return response
}

/**
 * The API's answer to one request: read the parameters, let an injected fault take over, else run the
 * gateway's checks, decode and validate the parameters against the spec, and ask the backend.
 */
async function respond(request: Request, context: ApiContext, seen: Seen): Promise<Response> {
  const requestId = crypto.randomUUID()
  const read = await readParams(request, context.maxBodyBytes)
  if (!read.ok) {
    switch (read.reason) {
      case 'method':
        return toResponse(methodNotAllowed())
      case 'tooLarge':
        return toResponse(httpAnswer(413, `Request body larger than ${context.maxBodyBytes} bytes`))
      case 'malformed':
        seen.action = read.action
        seen.retCode = RET_CODES.invalidParameter
        return toResponse(apiError(requestId, read.action, RET_CODES.invalidParameter, read.message))
    }
  }
  const { params, encoding, hint } = read
  const action = typeof params.Action === 'string' && params.Action !== '' ? params.Action : undefined
  seen.action = action

  const answer = async (): Promise<ApiAnswer> => {
    const gate = checkGateway(params, context.privateKeys, verifySignature, hint)
    if (!gate.ok) {
      seen.retCode = gate.retCode
      return apiError(requestId, gate.action, gate.retCode, gate.message)
    }
    const checked = checkParams(gate.action, params, encoding)
    if (!checked.ok) {
      seen.retCode = RET_CODES.invalidParameter
      const message = paramProblemMessage(checked.problem, context.expectations.get(gate.action)!)
      return apiError(requestId, gate.action, RET_CODES.invalidParameter, message)
    }
    const outcome = await dispatchAction(context.backend, gate.action, checked.request)
    seen.retCode = outcome.retCode
    return apiAnswer(requestId, gate.action, outcome.retCode, outcome.fields)
  }

  const fault = context.faults?.take({ request, action, params })
  seen.fault = fault?.kind
  if (fault?.kind === 'retCode') seen.retCode = fault.retCode
  return answerWithFault(fault, {
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
  const parsed = operationSchemas[action].request.safeParse(decoded.value)
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
