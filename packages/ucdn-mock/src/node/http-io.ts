/// <reference types="node" />
// Moving bytes between node:http and the fetch Request/Response the handlers speak.
import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http'
import { concatBytes } from '../read-params.js'
import type { ApiAnswer } from '../responses.js'

export async function readBody(
  req: IncomingMessage,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | undefined | 'tooLarge'> {
  if (req.method === 'GET') return undefined
  if (Number(req.headers['content-length'] ?? 0) > limit) return 'tooLarge'
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.byteLength
    if (total > limit) return 'tooLarge'
    chunks.push(chunk)
  }
  return concatBytes(chunks, total)
}

export function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers()
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!
    // Hop-by-hop headers describe this connection, not the request the handlers see.
    if (!/^(connection|keep-alive|transfer-encoding|upgrade|host)$/i.test(name)) {
      headers.append(name, req.rawHeaders[i + 1]!)
    }
  }
  return headers
}

export async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers))
  res.flushHeaders() // a slow body's client sees the status and headers at once, as from a real server
  if (response.body === null) {
    res.end()
    return
  }
  const reader = response.body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (!res.write(value)) await drainedOrClosed(res)
      if (res.destroyed) {
        await reader.cancel()
        return
      }
    }
    res.end()
  } catch {
    res.destroy() // the body failed or the client left: cut the connection, as a real server would
  }
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}

export function sendAnswer(res: ServerResponse, answer: ApiAnswer): void {
  res.writeHead(answer.status, answer.headers)
  res.end(answer.bodyText)
}

/** An answer as raw HTTP/1.1, for a socket node:http no longer manages; the connection closes after it. */
export function rawAnswer(answer: ApiAnswer): string {
  const body = Buffer.from(answer.bodyText)
  const headers = { ...answer.headers, 'Content-Length': String(body.byteLength), Connection: 'close' }
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`)
  return `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}\r\n${head.join('')}\r\n${answer.bodyText}`
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(text)
}
