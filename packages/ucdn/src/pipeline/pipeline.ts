// The one call path of @scloud/ucdn, for every action of the spec. Its steps, in order:
//
//   validate → retry → sign → send → size limit → decode → check and map → log
//
// validate runs once per call; everything from sign to check and map runs once per attempt, inside retry, so
// every attempt is signed afresh; log hears about each attempt. Each step is a small file of this folder.
import type { CredentialProvider } from '@scloud/signer'
import type { AnyOperation, ResponseOf } from '@scloud/ucdn-client'
import type { ResolvedConfig } from '../config.js'
import type { WireResponse, WireTransport } from '../transport/wire.js'
import { checkAndMap } from './check-and-map.js'
import { decode, requestIdOf } from './decode.js'
import type { AttemptLog } from './log.js'
import { type RetryOptions, withRetries } from './retry.js'
import { type SendContext, send, sendContext } from './send.js'
import { flatten, sign } from './sign.js'
import { type ValidateOptions, validate, type WireParams } from './validate.js'

/** The steps, in the order a call goes through them. */
export const PIPELINE_STEPS = [
  'validate',
  'retry',
  'sign',
  'send',
  'size limit',
  'decode',
  'check and map',
  'log',
] as const

/** What a call needs of its client. */
export interface PipelineContext {
  readonly config: ResolvedConfig
  readonly transport: WireTransport
  readonly credentials: CredentialProvider
}

/** The response model of an operation plus the `X-UCLOUD-REQUEST-UUID` of the answer. */
export type SendResult<O> = ResponseOf<O> & { readonly requestId: string | undefined }

/** Step 1: the wire parameters of a valid call (INVALID_INPUT before anything is sent). */
export function prepare(
  context: PipelineContext,
  operation: AnyOperation,
  params: unknown,
  how: ValidateOptions,
): WireParams {
  return validate(operation, params, how, context.config.projectId)
}

// The log step's code loads with the first call of a client that has a logger: an app without one (a browser
// bundle) carries none of it (bench `bundle`).
let LoadedAttemptLog: typeof AttemptLog | undefined
let loadingLog: Promise<unknown> | undefined
const loadLog = () =>
  (loadingLog ??= import('./log.js').then(
    (loaded) => {
      LoadedAttemptLog = loaded.AttemptLog
    },
    (error: unknown) => {
      loadingLog = undefined // the next call tries again
      throw error
    },
  ))

/** Steps 2 to 8 for prepared wire parameters. */
export function execute<O extends AnyOperation>(
  context: PipelineContext,
  operation: O,
  wire: WireParams,
  signal: AbortSignal | undefined,
): Promise<SendResult<O>> {
  const { config } = context
  if (config.logger !== undefined && LoadedAttemptLog === undefined) {
    return loadLog().then(() => execute(context, operation, wire, signal))
  }
  const log = config.logger && LoadedAttemptLog && new LoadedAttemptLog(config.logger, operation.action, wire)
  let flat: Record<string, string>
  try {
    flat = flatten(operation.action, wire) // once per call; every attempt signs it afresh
  } catch (error) {
    return Promise.reject(error)
  }
  const plan = planOf(context)
  // A transport still loading its code (undici, on a process's first call) gets ready before the first attempt's
  // timer starts: loading a module is not the API being slow, and a short timeoutMs must not spend itself on it.
  const ready = plan.send.transport.ready?.()
  if (ready === undefined) return retrying(context, plan, operation, log, flat, signal)
  return ready.then(() => retrying(context, plan, operation, log, flat, signal))
}

/** What every call of a client shares, built on its first call: where calls go, and retry options by operation. */
interface ClientPlan {
  readonly send: SendContext
  /** The retry options of calls without a signal or a logger (most calls), one object per operation. */
  readonly retry: Map<AnyOperation, RetryOptions>
}

const plans = new WeakMap<PipelineContext, ClientPlan>()

function planOf(context: PipelineContext): ClientPlan {
  let plan = plans.get(context)
  if (plan === undefined) {
    plan = { send: sendContext(context.transport, context.config), retry: new Map() }
    plans.set(context, plan)
  }
  return plan
}

function retrying<O extends AnyOperation>(
  context: PipelineContext,
  plan: ClientPlan,
  operation: O,
  log: AttemptLog | undefined,
  flat: Record<string, string>,
  signal: AbortSignal | undefined,
): Promise<SendResult<O>> {
  const { config } = context
  const target = plan.send
  const action = operation.action
  // What an attempt does once the answer is in: decode, check and map, log (synchronous).
  const answered = (response: WireResponse): SendResult<O> => {
    const requestId = requestIdOf(response)
    log?.answered(response, requestId)
    const json = decode(action, response, config.clock) // decode
    const model = checkAndMap<ResponseOf<O>>(operation, json, requestId) // check and map
    log?.succeeded()
    // The model is this call's own fresh object: the request id goes on it, not on a copy.
    ;(model as { requestId?: string | undefined }).requestId = requestId
    return model as SendResult<O>
  }
  return withRetries(
    (scope, _n, state) => {
      log?.start()
      const body = sign(action, flat, context.credentials) // sign, afresh on every attempt
      // send; the size limit (maxResponseBytes) travels with the request: the transport stops reading at it
      if (typeof body === 'string') {
        // Signed at once: a transport that settles on abort needs no race against the scope.
        state.settlesOnAbort = target.transport.settlesOnAbort?.() === true
        return send(target, action, body, scope, state, answered)
      }
      return body.then((signed) => send(target, action, signed, scope, state, answered))
    },
    retryOptions(context, plan, operation, signal, log?.report), // log hears each attempt
  )
}

/** A call's retry options: its operation's shared object when it has no signal and no logger, else its own. */
function retryOptions(
  context: PipelineContext,
  plan: ClientPlan,
  operation: AnyOperation,
  signal: AbortSignal | undefined,
  onAttempt: RetryOptions['onAttempt'],
): RetryOptions {
  const plain = signal === undefined && onAttempt === undefined
  const known = plain ? plan.retry.get(operation) : undefined
  if (known !== undefined) return known
  const { config } = context
  const options: RetryOptions = {
    action: operation.action,
    idempotent: operation.idempotent,
    maxRetries: config.maxRetries,
    timeoutMs: config.timeoutMs,
    clock: config.clock,
    timers: config.timers,
    sleep: config.sleep,
    random: config.random,
    backoff: config.backoff,
    signal,
    onAttempt,
  }
  if (plain) plan.retry.set(operation, options)
  return options
}
