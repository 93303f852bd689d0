import type { ServerResponse } from 'node:http'

/** An answer of the JSON API, before it is written. */
export type JsonResponse = {
  readonly status: number
  readonly body: unknown
  readonly headers?: Readonly<Record<string, string>>
}

/** The API's error answer: `{ error: { code, message, … } }`, the same shape for every failure. */
export function jsonError(
  status: number,
  code: string,
  message: string,
  extra: Readonly<Record<string, unknown>> = {},
  headers?: Readonly<Record<string, string>>,
): JsonResponse {
  return { status, body: { error: { code, message, ...extra } }, ...(headers ? { headers } : {}) }
}

/** Writes `response` as JSON that no cache keeps (progress changes every second). */
export function writeJson(res: ServerResponse, response: JsonResponse): void {
  const text = JSON.stringify(response.body)
  res.writeHead(response.status, {
    ...response.headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  res.end(text)
}
