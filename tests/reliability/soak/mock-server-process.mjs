// The soak's server, in its own process so the client's memory figures are the client's alone: the standalone
// mock server with seeded tasks and transient faults on 1 request in 100, counting its TCP connections. Talks over IPC:
// it sends { url } when listening; answers 'stats' with { accepted, open, requests }; closes on 'stop'.
import diagnostics from 'node:diagnostics_channel'
import { createPrefetchBackend } from '@scloud/ucdn-mock'
import { startMockServer } from '@scloud/ucdn-mock/node'

const FAULT_EVERY = Number(process.env.SOAK_FAULT_EVERY ?? 100)

const open = new Set()
let accepted = 0
diagnostics.subscribe('net.server.socket', ({ socket }) => {
  accepted += 1
  open.add(socket)
  socket.once('close', () => open.delete(socket))
})

const backend = createPrefetchBackend()
const now = Date.now()
for (let i = 0; i < 40; i++) {
  backend.addTask({
    taskId: `soak-${i}`,
    createdAt: now - 3_600_000 + i * 1_000,
    urls: Array.from({ length: 1 + (i % 5) }, (_, j) => `https://cdn.example.com/soak/${i}/${j}.js`),
  })
}

const server = await startMockServer({ backend })
let requests = 0
// First in line, never matching: counts every request before the faults below are considered.
server.faults.add(
  { kind: 'latency', ms: 0 },
  {
    times: Number.POSITIVE_INFINITY,
    match: () => {
      requests += 1
      return false
    },
  },
)
// One request in FAULT_EVERY gets a transient fault the client must ride through: 503, RetCode 150 and a
// connection reset in turn.
const transient = [
  { kind: 'http', status: 503 },
  { kind: 'retCode', retCode: 150 },
  { kind: 'connectionReset' },
]
for (const [i, fault] of transient.entries()) {
  server.faults.add(fault, {
    times: Number.POSITIVE_INFINITY,
    match: () => FAULT_EVERY > 0 && requests % (FAULT_EVERY * transient.length) === i * FAULT_EVERY + 1,
  })
}

process.on('message', async (message) => {
  if (message === 'stats') process.send({ accepted, open: open.size, requests })
  if (message === 'stop') {
    await server.close()
    process.exit(0)
  }
})
process.send({ url: server.url })
