// What a burst of one client does to the next burst of another in the same process (the throughput figure runs
// the SDK and undici `request` alternately in one process). Bursts of 3,200 calls at 16 in flight, in the order
// given (S: the SDK, T: the SDK's Node transport alone with a pre-signed body, U and V: undici `request` on two
// pools), three times; each burst's wall time and the CPU of the process's other threads (V8's workers) in
// clock ticks, with a full (the old method's) or a minor collection before each. Run with:
//   node --expose-gc analysis/burst-order.mjs [order=SSUUTUUU] [full|minor]
import { readdirSync, readFileSync } from 'node:fs'
import { undiciRequest } from '../lib/baselines.mjs'
import { loopback } from './loopback.mjs'

const order = process.argv[2] ?? 'SSUUTUUU'
const collection = process.argv[3] ?? 'full'
const collect = () => globalThis.gc?.(collection === 'minor' ? { type: 'minor' } : undefined)
const { server, body, callSdk, transportAlone, close } = await loopback()
const u = undiciRequest(server.origin, body)
const v = undiciRequest(server.origin, body)

const burst = (fn) => async () => {
  let next = 0
  const lane = async () => {
    while (next++ < 3200) await fn()
  }
  await Promise.all(Array.from({ length: 16 }, lane))
}
const bursts = {
  S: burst(callSdk),
  T: burst(transportAlone),
  U: burst(u.fn),
  V: burst(v.fn),
}

/** CPU ticks (user + system) of every thread of this process but the main one. */
function workerTicks() {
  let ticks = 0
  for (const task of readdirSync('/proc/self/task')) {
    if (task === String(process.pid)) continue
    const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    ticks += Number(fields[11]) + Number(fields[12])
  }
  return ticks
}

for (const key of 'STUV') await bursts[key]() // warm-up
const lines = []
for (let repeat = 0; repeat < 3; repeat++) {
  for (const key of order) {
    collect()
    const ticks = workerTicks()
    const t0 = performance.now()
    await bursts[key]()
    lines.push(`${key} ${(performance.now() - t0).toFixed(0)} ms (workers ${workerTicks() - ticks} ticks)`)
  }
}
console.log(`${collection} collection before each burst`)
console.log(lines.join('\n'))
await u.close()
await v.close()
await close()
