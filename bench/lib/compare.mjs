// The measuring method of the suite: candidates run side by side in many short, interleaved rounds, so that
// drift (thermal, other tenants, JIT tiers, GC debt) hits all of them equally. Each round reports a per-call
// time for each candidate; a figure is the median of the per-round ratios with its spread.
import { performance } from 'node:perf_hooks'
import { summarize } from './stats.mjs'

/** Keeps results reachable so the optimiser cannot drop a call whose result is unused. */
export let sink

/**
 * The collection before every batch: `minor` (the young generation, where the garbage of a batch of calls is) by
 * default; `full` for candidates that leave old-generation garbage (the 14 MB answer). A full collection also
 * throws away optimised code that refers to objects it frees (V8's "weak objects"), so every batch after one
 * re-runs the JIT's warm-up: until 2026-12-06 a full one ran before every batch, which doubled per-call times,
 * spread them ±30 % and favoured native code (node:http's parser) over JavaScript (README, "Method").
 */
const collectors = {
  minor: () => globalThis.gc?.({ type: 'minor' }),
  full: () => globalThis.gc?.(),
}

/**
 * Measures two candidates against each other.
 * `a` and `b` are `{ name, fn }` (or bare functions); `fn` may be sync or async (awaited one call at a time).
 * Returns per-call medians (ms) of each, and the ratio a/b per round: median, p25–p75, min–max.
 */
export async function compare(name, a, b, options = {}) {
  const ca = asCandidate(a, 'a')
  const cb = asCandidate(b, 'b')
  const run = await compareMany(name, [ca, cb], options)
  return {
    name,
    rounds: run.rounds,
    iterationsPerRound: run.iterationsPerRound,
    a: { name: ca.name, ...run.candidates[ca.name] },
    b: { name: cb.name, ...run.candidates[cb.name] },
    ratio: run.ratio(ca.name, cb.name),
  }
}

/**
 * Measures any number of candidates in the same interleaved rounds. The order rotates every round, so each
 * candidate runs first, second, … equally often; a GC runs before every batch (needs `--expose-gc`) so one
 * candidate's garbage is not collected on another's clock (`gc`: 'minor', the default, or 'full').
 */
export async function compareMany(name, candidates, options = {}) {
  const { rounds = 20, iterationsPerRound = 100, warmupRounds = 2, gc = 'minor' } = options
  const collect = collectors[gc]
  if (collect === undefined) throw new Error(`compareMany: gc must be 'minor' or 'full', got ${gc}`)
  const list = candidates.map((c, i) => asCandidate(c, `#${i}`))
  const perRound = new Map(list.map((c) => [c.name, []]))
  const runners = new Map()
  for (const c of list) runners.set(c.name, await makeRunner(c.fn))

  for (let r = 0; r < warmupRounds; r++) {
    for (const c of list) await runners.get(c.name)(iterationsPerRound)
  }
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < list.length; k++) {
      const c = list[(r + k) % list.length]
      collect()
      const ms = await runners.get(c.name)(iterationsPerRound)
      perRound.get(c.name).push(ms / iterationsPerRound)
    }
  }

  const result = {}
  for (const [key, values] of perRound) result[key] = { perCallMs: summarize(values), roundsMs: values }
  return {
    name,
    rounds,
    iterationsPerRound,
    gc,
    candidates: result,
    /** Per-round ratio x/y (paired: both ran in the same round), summarised. */
    ratio(x, y) {
      const xs = perRound.get(x)
      const ys = perRound.get(y)
      return summarize(xs.map((v, i) => v / ys[i]))
    },
  }
}

function asCandidate(c, fallback) {
  return typeof c === 'function' ? { name: c.name || fallback, fn: c } : c
}

/** One call decides whether the candidate is async; the loop then avoids awaiting sync work. */
async function makeRunner(fn) {
  const first = fn()
  const isAsync = typeof first?.then === 'function'
  sink = isAsync ? await first : first
  if (isAsync) {
    return async (n) => {
      const t0 = performance.now()
      for (let i = 0; i < n; i++) sink = await fn()
      return performance.now() - t0
    }
  }
  return async (n) => {
    const t0 = performance.now()
    for (let i = 0; i < n; i++) sink = fn()
    return performance.now() - t0
  }
}
