// Starts the API stand-in in a child process. Why a process and not a worker or the same loop: the client's
// event loop, heap and forced GCs must be the only thing on the measured clock. A worker thread would get its own
// loop but share the process (heap limits, allocator, libuv thread pool, the --expose-gc pauses' side effects);
// a child process is what a real server is — another scheduler entity — and on 2 cores each side gets one.
import { fork } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'

const script = fileURLToPath(new URL('./server-process.mjs', import.meta.url))

/** Starts a server; resolves `{ url, origin, lastRequest(), close() }` once it listens. */
export async function startServer(config) {
  const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] })
  child.send(config)
  const [msg] = await once(child, 'message')
  if (msg.type !== 'listening') throw new Error(`bench server did not start: ${JSON.stringify(msg)}`)
  const origin = `http://127.0.0.1:${msg.port}`
  return {
    origin,
    url: `${origin}/`,
    /** The last request body the server received and the request count. */
    async lastRequest() {
      child.send({ type: 'lastBody' })
      const [reply] = await once(child, 'message')
      return reply
    },
    async close() {
      if (child.exitCode !== null) return
      child.send({ type: 'close' })
      await once(child, 'exit')
    },
  }
}
