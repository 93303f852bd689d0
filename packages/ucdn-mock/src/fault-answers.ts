import type { Fault } from './faults.js'
import { type ApiAnswer, apiError, httpAnswer, REQUEST_ID_HEADER, toResponse } from './responses.js'
import type { Sleep } from './sleep.js'

/** Messages the real API uses for the common retryable RetCodes; other codes get a generic one. */
const RET_CODE_MESSAGES: Readonly<Record<number, string>> = {
  110: 'API timeout',
  150: 'Service unavailable',
  153: 'Request rate limit exceeded',
  171: 'Signature VerifyAC Error',
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

type FaultContext = {
  readonly requestId: string
  readonly action: string | undefined
  readonly signal: AbortSignal
  readonly sleep: Sleep
  /** The answer the request would get without the fault. */
  readonly answer: () => Promise<ApiAnswer>
}

/**
 * The response for a request hit by `fault` (undefined: none). Waits go through the injected `sleep` and end
 * as soon as the request aborts, so an abandoned request leaves no timer behind.
 */
export async function answerWithFault(fault: Fault | undefined, context: FaultContext): Promise<Response> {
  switch (fault?.kind) {
    case 'connectionReset':
      return Response.error()
    case 'http': {
      const headers: Record<string, string> =
        fault.status === 429 && fault.retryAfter !== undefined
          ? { 'Retry-After': String(fault.retryAfter) }
          : {}
      return toResponse(httpAnswer(fault.status, `${fault.status} ${STATUS_TEXT[fault.status]}`, headers))
    }
    case 'retCode':
      return toResponse(
        apiError(
          context.requestId,
          context.action,
          fault.retCode,
          fault.message ?? RET_CODE_MESSAGES[fault.retCode] ?? `Injected error ${fault.retCode}`,
        ),
      )
    case 'malformedJson':
      return toResponse({
        status: 200,
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          [REQUEST_ID_HEADER]: context.requestId,
        },
        bodyText: '{"RetCode":0,,"Action":<html>Bad Gateway</html>',
      })
    case 'latency':
      try {
        await context.sleep(fault.ms, context.signal)
      } catch {
        return Response.error() // the client gave up; nobody reads this
      }
      return toResponse(await context.answer())
    case 'truncatedJson': {
      const answer = await context.answer()
      return toResponse({
        ...answer,
        bodyText: answer.bodyText.slice(0, Math.floor(answer.bodyText.length / 2)),
      })
    }
    case 'slowBody': {
      const answer = await context.answer()
      const body = slowStream(answer.bodyText, fault.chunks ?? 4, fault.chunkDelayMs, context)
      return new Response(body, { status: answer.status, headers: answer.headers })
    }
    case undefined:
      return toResponse(await context.answer())
  }
}

function slowStream(
  text: string,
  chunkCount: number,
  delayMs: number,
  context: Pick<FaultContext, 'signal' | 'sleep'>,
): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  const size = Math.max(1, Math.ceil(bytes.byteLength / chunkCount))
  const stopped = new AbortController()
  const stop = () => stopped.abort(context.signal.reason)
  context.signal.addEventListener('abort', stop, { once: true })
  let at = 0
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        await context.sleep(delayMs, stopped.signal)
      } catch (reason) {
        context.signal.removeEventListener('abort', stop)
        controller.error(reason)
        return
      }
      controller.enqueue(bytes.slice(at, at + size))
      at += size
      if (at >= bytes.byteLength) {
        context.signal.removeEventListener('abort', stop)
        controller.close()
      }
    },
    cancel(reason) {
      context.signal.removeEventListener('abort', stop)
      stopped.abort(reason)
    },
  })
}
