// A local node:http server for transport-level tests: real sockets, keep-alive, resets, slow answers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface ReceivedRequest {
  readonly method: string
  readonly url: string
  readonly headers: IncomingMessage['headers']
  readonly body: string
  /** Which connection carried it (1-based, in order of connection). */
  readonly connection: number
}

export type Handler = (request: ReceivedRequest, response: ServerResponse, socket: Socket) => void

export interface LocalServer {
  readonly url: string
  readonly requests: ReceivedRequest[]
  /** Connections opened so far. */
  connections(): number
  /** Connections currently open. */
  openConnections(): number
  /** Answers the next requests with these handlers, in order; afterwards `fallback`. */
  enqueue(...handlers: Handler[]): void
  /** Forgets queued handlers and recorded requests (between tests). */
  reset(): void
  close(): Promise<void>
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Handler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers })
    response.end(typeof body === 'string' ? body : JSON.stringify(body))
  }
}

/** Destroys the socket without an answer: the client sees a reset. */
export const reset: Handler = (_request, _response, socket) => {
  socket.destroy()
}

/** Never answers (the request stays open until the client gives up). */
export const hang: Handler = () => {}

export async function startLocalServer(
  fallback: Handler = json({ RetCode: 0, Action: 'X' }),
): Promise<LocalServer> {
  const queue: Handler[] = []
  const requests: ReceivedRequest[] = []
  const sockets = new Map<Socket, number>()
  let connectionCount = 0
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const received: ReceivedRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        connection: sockets.get(request.socket) ?? 0,
      }
      requests.push(received)
      ;(queue.shift() ?? fallback)(received, response, request.socket)
    })
  })
  server.keepAliveTimeout = 10_000
  server.on('connection', (socket: Socket) => {
    sockets.set(socket, ++connectionCount)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    connections: () => connectionCount,
    openConnections: () => sockets.size,
    enqueue: (...handlers) => queue.push(...handlers),
    reset: () => {
      queue.length = 0
      requests.length = 0
    },
    close: async () => {
      for (const socket of sockets.keys()) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
