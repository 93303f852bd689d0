import type { IncomingMessage } from 'node:http'
import { type JsonResponse, jsonError } from './json-response.js'

/** A submit of 1,000 long URLs fits easily; anything bigger is not the page talking. */
export const MAX_BODY_BYTES = 512 * 1024

/** The request's JSON body, or the error answer (413 too large, 400 not JSON). */
export async function readJsonBody(
  req: IncomingMessage,
): Promise<{ ok: true; body: unknown } | { ok: false; response: JsonResponse }> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) {
      return {
        ok: false,
        response: jsonError(413, 'BODY_TOO_LARGE', `Send at most ${MAX_BODY_BYTES / 1024} KiB of JSON.`),
      }
    }
    chunks.push(chunk)
  }
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }
  } catch {
    return { ok: false, response: jsonError(400, 'INVALID_JSON', 'The body is not valid JSON.') }
  }
}
