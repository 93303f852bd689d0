// The submit loop of prefetchUrls/refreshUrls: one call per batch, paced, progress after each accepted call, and
// never a second call for a batch whose first call may have reached the API (a submit is not safe to repeat).
import type { AnyOperation } from '@scloud/ucdn-client'
import { raceAbort } from '../abort.js'
import type { Clock, Sleep } from '../clock.js'
import { abortedError, isUcdnError, type SubmittedUrls, UcdnError } from '../errors.js'
import type { CacheSend, ParamsOf, SubmitProgress, SubmitResult } from './types.js'

/** What the loop needs from a client. */
export interface SubmitDeps {
  /** One call with the client's validation, signing and retries (ADR 0004 §3: a submit is retried only when
   *  nothing can have been done; a lost answer after the request may have left is OUTCOME_UNKNOWN). */
  readonly send: CacheSend
  /** Waits between calls; rejects when its signal aborts. */
  readonly sleep: Sleep
  readonly clock: Clock
}

/** One checked submit: the URLs (valid, each once), how to call, how to pace. */
export interface SubmitPlan<O extends AnyOperation> {
  /** Names the method in messages (`prefetchUrls`). */
  readonly method: string
  readonly operation: O
  readonly urls: readonly string[]
  /** URLs per call (the spec's maxItems). */
  readonly batchSize: number
  /** The call's parameters for one batch. */
  readonly params: (batch: string[]) => ParamsOf<O>
  readonly intervalMs: number
  readonly signal?: AbortSignal | undefined
  readonly onProgress?: ((progress: SubmitProgress) => void) | undefined
}

/**
 * Submits `plan.urls` in batches of `batchSize`, one call after another, waiting until `intervalMs` has passed
 * since the previous answer (measured from the answer, which comes after the API counted the call). Resolves with
 * one task id per call. Any failure stops it at once, nothing more is sent, and the rejection (a {@link UcdnError})
 * carries `submitted`: the tasks created, the URLs whose fate is unknown, the URLs not submitted.
 */
export async function submitInBatches<O extends AnyOperation>(
  plan: SubmitPlan<O>,
  deps: SubmitDeps,
): Promise<SubmitResult> {
  const { operation, urls, batchSize, intervalMs, signal, onProgress } = plan
  const batches: string[][] = []
  for (let at = 0; at < urls.length; at += batchSize) batches.push(urls.slice(at, at + batchSize))
  const taskIds: string[] = []
  const from = (index: number) => batches.slice(index).flat()
  let answeredAt: number | undefined
  let submittedUrls = 0
  for (let i = 0; i < batches.length; i++) {
    const batch = batches[i] as string[]
    const wait = answeredAt === undefined ? 0 : intervalMs - (deps.clock.now() - answeredAt)
    try {
      if (signal?.aborted) throw signal.reason
      if (wait > 0) {
        const sleeping = deps.sleep(wait, signal)
        await (signal ? raceAbort(sleeping, signal) : sleeping)
      }
    } catch (thrown) {
      if (!signal?.aborted) throw thrown
      throw withSubmitted(abortedError(operation.action, signal.reason), taskIds, [], from(i))
    }
    let answer: { readonly taskId?: unknown; readonly requestId: string | undefined }
    try {
      answer = await deps.send(operation, plan.params(batch), { signal })
    } catch (error) {
      if (!isUcdnError(error)) throw error
      const unknown = !nothingSubmitted(error)
      throw withSubmitted(error, taskIds, unknown ? batch : [], from(unknown ? i + 1 : i))
    }
    answeredAt = deps.clock.now()
    if (typeof answer.taskId !== 'string' || answer.taskId === '') {
      // Accepted (RetCode 0) but untraceable: those URLs cannot be followed, so their fate counts as unknown.
      const error = new UcdnError({
        code: 'INVALID_RESPONSE',
        message: `${operation.action} answered without a TaskId${answer.requestId ? ` (request id ${answer.requestId})` : ''}; report it to SCloud support.`,
        action: operation.action,
        requestId: answer.requestId,
      })
      throw withSubmitted(error, taskIds, batch, from(i + 1))
    }
    taskIds.push(answer.taskId)
    submittedUrls += batch.length
    const progress = {
      submittedUrls,
      totalUrls: urls.length,
      taskIds: [...taskIds],
      batch: i + 1,
      batches: batches.length,
    }
    try {
      onProgress?.(progress)
    } catch (cause) {
      const error = new UcdnError({
        code: 'INVALID_INPUT',
        source: 'input',
        field: 'onProgress',
        message: `${plan.method}: onProgress threw (${cause instanceof Error ? cause.message : String(cause)}), so the submit stopped.`,
        cause,
      })
      throw withSubmitted(error, taskIds, [], from(i + 1))
    }
  }
  return { taskIds }
}

/**
 * True when a failed submit call provably created nothing: refused before it was sent, never sent (the retry
 * step leaves NETWORK_ERROR/TIMEOUT only for a request that never left), refused by the gateway (4xx, 503) or by
 * the API with a RetCode below 2000 other than 110 (an API timeout, like RetCodes ≥ 2000, may hide work done).
 */
export function nothingSubmitted(error: UcdnError): boolean {
  const refused = (retCode: number) => retCode < 2000 && retCode !== 110
  switch (error.code) {
    case 'INVALID_INPUT':
    case 'NETWORK_ERROR':
    case 'TIMEOUT':
      return true
    case 'API_ERROR':
      return error.retCode !== undefined && refused(error.retCode)
    case 'HTTP_ERROR': {
      if (error.retCode !== undefined && error.retCode !== 0) return refused(error.retCode)
      const status = error.httpStatus ?? 0
      return (status >= 400 && status < 500) || status === 503
    }
    default:
      return false
  }
}

/** `error` with `submitted` and a sentence saying where the URLs stand; not retryable once anything may be done. */
function withSubmitted(
  error: UcdnError,
  taskIds: readonly string[],
  pendingUrls: readonly string[],
  notSubmittedUrls: readonly string[],
): UcdnError {
  const submitted: SubmittedUrls = { taskIds: [...taskIds], pendingUrls, notSubmittedUrls }
  const parts = [
    taskIds.length > 0 ? `accepted before: task${taskIds.length > 1 ? 's' : ''} ${taskIds.join(', ')}` : '',
    pendingUrls.length > 0
      ? `${count(pendingUrls.length)} of unknown fate (look them up before submitting them again)`
      : '',
    notSubmittedUrls.length > 0 ? `${count(notSubmittedUrls.length)} not submitted` : '',
  ].filter(Boolean)
  return error.with({
    submitted,
    retryable: error.retryable && taskIds.length === 0 && pendingUrls.length === 0,
    message: `${error.message.replace(/\.$/, '')}; ${parts.join('; ')} (see error.submitted).`,
  })
}

function count(n: number): string {
  return `${n} URL${n === 1 ? '' : 's'}`
}
