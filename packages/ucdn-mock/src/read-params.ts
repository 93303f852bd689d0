import { parseFormPairs, percentDecode } from './form-pairs.js'
import { readJsonParams } from './read-json.js'
import { quoteForMessage } from './responses.js'
import type { WireValue } from './wire-value.js'

export type { JsonNumber, WireScalar, WireValue } from './wire-value.js'

/** Parameters exactly as received, keyed by their flattened names (`TaskId.0`). A null-prototype object. */
export type ReceivedParams = Readonly<Record<string, WireValue>>

/** How the parameters travelled. */
export type ParamsEncoding = 'query' | 'form' | 'json' | 'none'

/** The request body size limit when none is given: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

export type ReadParamsResult =
  | {
      readonly ok: true
      readonly params: ReceivedParams
      readonly encoding: ParamsEncoding
      /** Why a POST's parameters may not be where the client put them; said if Action turns out missing. */
      readonly hint?: string
    }
  | { readonly ok: false; readonly reason: 'tooLarge' }
  | { readonly ok: false; readonly reason: 'method' }
  | {
      readonly ok: false
      readonly reason: 'malformed'
      readonly message: string
      /** When the request could still be read far enough to name its Action. */
      readonly action?: string
    }

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * Reads the API parameters of a request as the gateway does: a GET's query string, or a POST's
 * form-urlencoded or JSON body (a POST's query string is not read). The body is read at most up to
 * `maxBodyBytes`. Decoding is byte-exact: a BOM is never stripped, percent-encoded bytes that are not UTF-8
 * are refused, JSON numbers are kept as written. Nothing received is ever assigned to an ordinary object,
 * so `__proto__` keys cannot pollute anything; they are refused outright anyway.
 */
export async function readParams(request: Request, maxBodyBytes: number): Promise<ReadParamsResult> {
  if (request.method === 'GET') return fromPairs(new URL(request.url).search.slice(1), 'query')
  if (request.method !== 'POST') return { ok: false, reason: 'method' }

  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (declared > maxBodyBytes) return { ok: false, reason: 'tooLarge' }
  const bytes = await readBodyWithin(request, maxBodyBytes)
  if (bytes === undefined) return { ok: false, reason: 'tooLarge' }

  let text: string
  try {
    // ignoreBOM keeps a leading U+FEFF in the text: the gateway reads bytes, it strips nothing.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return malformed('The request body is not valid UTF-8.')
  }
  const contentType = request.headers.get('content-type')
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  if (mediaType === 'application/x-www-form-urlencoded' || mediaType === 'application/json') {
    const read = mediaType === 'application/json' ? fromJson(text) : fromPairs(text, 'form')
    if (!read.ok) return read
    if (new URL(request.url).search !== '') {
      return { ...read, hint: 'a POST carries its parameters in the body, not in the query string' }
    }
    return text.startsWith('\uFEFF')
      ? { ...read, hint: 'the body starts with a byte order mark (U+FEFF), read as part of the first name' }
      : read
  }
  // The gateway reads no body it cannot decode: the request then simply has no parameters.
  const hint =
    contentType === null
      ? 'a POST needs Content-Type application/x-www-form-urlencoded or application/json'
      : `Content-Type ${quoteForMessage(mediaType)} is not read; send application/x-www-form-urlencoded or application/json`
  return { ok: true, params: Object.create(null), encoding: 'none', hint }
}

async function readBodyWithin(request: Request, limit: number): Promise<Uint8Array | undefined> {
  if (request.body === null) return new Uint8Array(0)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limit) {
      await reader.cancel().catch(() => {})
      return undefined
    }
    chunks.push(value)
  }
  return concatBytes(chunks, total)
}

/** Joins body chunks read under a size limit into one buffer of `total` bytes. */
export function concatBytes(chunks: readonly Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.byteLength
  }
  return bytes
}

function fromPairs(text: string, encoding: ParamsEncoding): ReadParamsResult {
  const read = parseFormPairs(text)
  if (!read.ok) {
    const message =
      read.name === undefined
        ? `Invalid parameter name: ${quoteForMessage(read.raw)} (not UTF-8 once percent-decoded)`
        : `Missing or invalid parameter: ${read.name} (not UTF-8 once percent-decoded)`
    return malformed(message, actionInForm(text))
  }
  const params: Record<string, WireValue> = Object.create(null)
  const action = () => actionIn(read.pairs.find(([key]) => key === 'Action')?.[1])
  for (const [key, value] of read.pairs) {
    const refused = refuseKey(key)
    if (refused) return malformed(refused, action())
    if (Object.hasOwn(params, key)) {
      return malformed(`Missing or invalid parameter: ${key} (given more than once)`, action())
    }
    params[key] = value
  }
  return { ok: true, params, encoding }
}

/** The Action of a form whose decoding failed elsewhere, so the answer can still name it. */
function actionInForm(text: string): string | undefined {
  const pair = text.split('&').find((sequence) => sequence.startsWith('Action='))
  return pair === undefined ? undefined : actionIn(percentDecode(pair.slice('Action='.length)))
}

function fromJson(text: string): ReadParamsResult {
  const read = readJsonParams(text, refuseKey)
  if (!read.ok) return malformed(read.message, read.action)
  return { ok: true, params: read.params, encoding: 'json' }
}

function refuseKey(key: string): string | undefined {
  const forbidden = key.split('.').find((segment) => FORBIDDEN_SEGMENTS.has(segment))
  return forbidden === undefined
    ? undefined
    : `Invalid parameter name: ${quoteForMessage(key)} (${forbidden} is not allowed in a parameter name)`
}

function actionIn(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function malformed(message: string, action?: string): ReadParamsResult {
  return action === undefined
    ? { ok: false, reason: 'malformed', message }
    : { ok: false, reason: 'malformed', message, action }
}
