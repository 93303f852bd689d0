// Prints how long signParams takes on a 50-parameter request relative to one node:crypto SHA-1 of the
// already-built string to sign (the floor: what signing costs with no flattening or sorting at all).
// Run `pnpm build` first, then `node bench/sign-params.bench.mjs`.
import { createHash } from 'node:crypto'
import { signParams } from '../dist/index.js'

const privateKey = '46f09bb9fab4f12dfc160dae12273d5332b5debe'
const params = {
  Action: 'DescribeNewUcdnPrefetchCacheTask',
  PublicKey: 'ucloudsomeone@example.com1296235120854146120',
  ProjectId: 'org-abc123',
  BeginTime: 1700000000,
  EndTime: 1700086400,
  Status: 'success',
  Offset: 0,
  Limit: 100,
  IsDcdn: false,
  TaskId: Array.from({ length: 41 }, (_, i) => `task-${i.toString(36)}-abcdefgh`),
}
const flat = Object.fromEntries(
  Object.entries(params).flatMap(([k, v]) =>
    Array.isArray(v) ? v.map((x, i) => [`${k}.${i}`, x]) : [[k, String(v)]],
  ),
)
const stringToSign =
  Object.keys(flat)
    .sort()
    .map((k) => k + flat[k])
    .join('') + privateKey

// Best of several rounds, interleaved, so a busy machine skews every case alike.
function bestTimes(cases, rounds = 15, iterations = 50_000) {
  const best = Object.fromEntries(Object.keys(cases).map((name) => [name, Number.POSITIVE_INFINITY]))
  for (const fn of Object.values(cases)) for (let i = 0; i < iterations; i++) fn()
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of Object.entries(cases)) {
      const start = process.hrtime.bigint()
      for (let i = 0; i < iterations; i++) fn()
      best[name] = Math.min(best[name], Number(process.hrtime.bigint() - start) / iterations)
    }
  }
  return best
}

const best = bestTimes({
  'createHash(sha1) of the prebuilt string': () => createHash('sha1').update(stringToSign).digest('hex'),
  'signParams, nested (TaskId array)': () => signParams(params, privateKey),
  'signParams, already flat': () => signParams(flat, privateKey),
})
const baseline = Object.values(best)[0]
for (const [name, ns] of Object.entries(best)) {
  console.log(`${name.padEnd(44)} ${ns.toFixed(0).padStart(6)} ns  ${(ns / baseline).toFixed(2)}x`)
}
