// A bare TCP server for faults below HTTP: a body cut short, a peer that never answers.
import { createServer, type Socket } from 'node:net'

export async function startRawServer(onConnection: (socket: Socket) => void): Promise<{
  url: string
  connections(): number
  close(): Promise<void>
}> {
  const sockets = new Set<Socket>()
  let connections = 0
  const server = createServer((socket) => {
    connections += 1
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    // Read the request, then act.
    socket.once('data', () => onConnection(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
