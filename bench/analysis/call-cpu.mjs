// Where the SDK's time per call goes against hand-written requests, in one process: the client's own CPU per call
// (process.cpuUsage, user + system: what limits throughput) beside wall time, interleaved rounds, paired ratios to
// undici `request`. CPU time is steadier than wall time on a shared VM (steal and the server's turn count in wall
// time, not in the client's CPU). Rows: the SDK, undici `request`, node:http, and the SDK's own Node transport
// alone (a fixed pre-signed body through it: no validate, sign, retry or decode) — the gap between the last and
// the SDK is the pipeline's cost in context.
//   node --expose-gc analysis/call-cpu.mjs [concurrency=1] [callsPerRound=400] [rounds=30]

import { nodeHttp, undiciRequest } from '../lib/baselines.mjs'
import { loopback } from './loopback.mjs'

const [concurrency, perRound, rounds] = [1, 400, 30].map((d, i) => Number(process.argv[2 + i] ?? d))
const { server, body, callSdk, transportAlone, close } = await loopback()
const undici = undiciRequest(server.origin, body)
const node = nodeHttp(server.url, body)
const candidates = [
  { name: 'SDK describePrefetchTasks', fn: callSdk },
  undici,
  node,
  { name: 'SDK Node transport alone', fn: transportAlone },
]

async function batch(fn) {
  let next = 0
  const lane = async () => {
    while (next++ < perRound) await fn()
  }
  globalThis.gc?.({ type: 'minor' }) // a full one would discard optimised code (README, "Method")
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await Promise.all(Array.from({ length: concurrency }, lane))
  const cpu = process.cpuUsage(cpu0)
  return { cpu: (cpu.user + cpu.system) / perRound, wall: ((performance.now() - t0) * 1000) / perRound }
}

const seen = new Map(candidates.map((c) => [c.name, { cpu: [], wall: [] }]))
for (const c of candidates) await batch(c.fn) // warm-up
for (let r = 0; r < rounds; r++) {
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[(r + k) % candidates.length]
    const { cpu, wall } = await batch(c.fn)
    seen.get(c.name).cpu.push(cpu)
    seen.get(c.name).wall.push(wall)
  }
}
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]
const paired = (xs, ys) => {
  const r = xs.map((x, i) => x / ys[i])
  return `${q(r, 0.5).toFixed(2)}× (${q(r, 0.25).toFixed(2)}–${q(r, 0.75).toFixed(2)})`
}
const base = seen.get(undici.name)
console.log(
  `concurrency ${concurrency}, ${perRound} calls × ${rounds} rounds; µs per call, ratio to undici request`,
)
for (const c of candidates) {
  const { cpu, wall } = seen.get(c.name)
  console.log(
    `${c.name.padEnd(28)} cpu ${q(cpu, 0.5).toFixed(1).padStart(6)} ${paired(cpu, base.cpu).padEnd(20)} wall ${q(wall, 0.5).toFixed(1).padStart(6)} ${paired(wall, base.wall)}`,
  )
}
await undici.close()
await node.close()
await close()
