// The fetch wire transport: browsers, a caller's `fetch`, and msw (which patches the global one). Redirects are
// never followed (`redirect: 'manual'`); fetch decompresses by itself, so the size limit counts decoded bytes.
import { raceAbort } from '../abort.js'
import { TransportError, type WireRequest, type WireResponse, type WireTransport } from './wire.js'
import {
  abortError,
  describeCause,
  errorCode,
  isNeverSent,
  REQUEST_ID_HEADER,
  redirectError,
  stripBom,
  tooLargeError,
} from './wire-errors.js'

/** The part of `fetch` this transport uses. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

export interface FetchTransportOptions {
  /** The caller's fetch; by default the global one, looked up per call (polyfills, msw installed later). */
  readonly fetch?: FetchLike | undefined
}

export function createFetchTransport(options: FetchTransportOptions = {}): WireTransport {
  const given = options.fetch
  return {
    send: (request) => sendWithFetch(given ?? globalThis.fetch, request),
    close: () => Promise.resolve(),
  }
}

class FetchWireResponse implements WireResponse {
  constructor(
    readonly status: number,
    private readonly headers: Headers,
    readonly body: string,
  ) {}

  header(name: string): string | undefined {
    return this.headers.get(name) ?? undefined
  }
}

async function sendWithFetch(fetch: FetchLike, request: WireRequest): Promise<WireResponse> {
  const scope = request.scope
  const signal = scope === undefined ? request.signal : scope.signal
  if (signal?.aborted) throw abortError(signal.reason, scope, false)
  let response: Response
  try {
    const pending = fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      ...(signal === undefined ? {} : { signal }),
    })
    // A fetch that ignores its signal still cannot hold a cancelled call.
    response = await (signal === undefined ? pending : raceAbort(pending, signal))
  } catch (error) {
    if (signal?.aborted) throw abortError(signal.reason, scope, true)
    const code = errorCode(error)
    const sent = !isNeverSent(code)
    throw new TransportError({
      kind: sent ? 'network' : 'connect',
      sent,
      message: `${sent ? 'The request failed' : 'Could not connect'}: ${describeCause(error)}`,
      cause: error,
    })
  }
  const status = response.status
  const requestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined
  // A browser hides a manual redirect's status and Location; a fetch that followed one anyway is refused too.
  if (response.type === 'opaqueredirect') throw redirectError(0, undefined, request.url, undefined, true)
  if ((status >= 300 && status < 400) || response.redirected) {
    cancel(response)
    throw redirectError(
      status,
      response.redirected ? response.url : response.headers.get('location'),
      request.url,
      requestId,
    )
  }
  const max = request.maxResponseBytes
  if (Number(response.headers.get('content-length')) > max) {
    cancel(response)
    throw tooLargeError(max, status, requestId)
  }
  let bytes: Uint8Array
  try {
    bytes = await readAtMost(response, max, requestId)
  } catch (error) {
    if (error instanceof TransportError) throw error
    if (signal?.aborted) throw abortError(signal.reason, scope, true)
    const decode = errorCode(error)?.startsWith('Z_') === true
    throw new TransportError({
      kind: decode ? 'decode' : 'network',
      sent: true,
      message: `${decode ? 'The answer could not be decoded' : 'Reading the answer failed'}: ${describeCause(error)}`,
      httpStatus: status,
      requestId,
      cause: error,
    })
  }
  return new FetchWireResponse(status, response.headers, stripBom(utf8.decode(bytes)))
}

// ignoreBOM: the BOM is stripped by stripBom, once, as on the Node transport.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true })

/** The body's (decoded) bytes, refused past `max` without reading further. */
async function readAtMost(
  response: Response,
  max: number,
  requestId: string | undefined,
): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array(0)
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  // Each non-empty read adds a byte at least, so `size` passes `max` before the loop bound does.
  for (let reads = 0; reads <= max + 1; reads++) {
    const { done, value } = await reader.read()
    if (done) return chunks.length === 1 ? chunks[0]! : concat(chunks, size)
    size += value.byteLength
    if (size > max) break
    chunks.push(value)
  }
  reader.cancel().catch(() => {})
  throw tooLargeError(max, response.status, requestId)
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.byteLength
  }
  return out
}

function cancel(response: Response): void {
  response.body?.cancel().catch(() => {})
}
