// Figure 6: the cost of `import('@scloud/ucdn')` in a fresh Node process: spawn an empty script and a script that
// imports the SDK, alternately, N times each. Wall time of the whole process, and the import measured inside it.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { msf } from '../lib/format.mjs'
import { missingFor } from '../lib/sdk.mjs'
import { summarize } from '../lib/stats.mjs'

export const id = 'cold'
export const title = 'Cold start (fresh process, import @scloud/ucdn)'
/** `import('@scloud/ucdn')`: the process time it adds, at most this. */
const BUDGET_MS = 60
const script = (name) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url))

/**
 * @param {import('../lib/types.mjs').FigureContext} context
 * @returns {Promise<import('../lib/types.mjs').FigureResult>}
 */
export async function run({ sdk, quick }) {
  const skip = missingFor(sdk, ['@scloud/ucdn'])
  if (skip) {
    return {
      raw: {},
      rows: [{ figure: 'import @scloud/ucdn', measured: skip, budget: `≤ ${BUDGET_MS} ms`, status: 'skip' }],
    }
  }
  const n = quick ? 4 : 30
  const wall = { empty: [], sdk: [] }
  const inside = []
  const once = (file) => {
    const t0 = performance.now()
    const res = spawnSync(process.execPath, [file], { encoding: 'utf8' })
    const ms = performance.now() - t0
    if (res.status !== 0) throw new Error(`${file} failed: ${res.stderr}`)
    return { ms, importMs: JSON.parse(res.stdout).importMs }
  }
  once(script('cold-import.mjs')) // warm the OS file cache, not measured
  for (let i = 0; i < n; i++) {
    const order = i % 2 === 0 ? ['empty', 'sdk'] : ['sdk', 'empty']
    for (const which of order) {
      const r = once(script(which === 'sdk' ? 'cold-import.mjs' : 'cold-empty.mjs'))
      wall[which].push(r.ms)
      if (which === 'sdk') inside.push(r.importMs)
    }
  }
  /** @type {Record<string, any>} */
  const raw = {
    processes: n,
    emptyMs: summarize(wall.empty),
    sdkMs: summarize(wall.sdk),
    deltaMs: summarize(wall.sdk.map((v, i) => v - wall.empty[i])),
    ratio: summarize(wall.sdk.map((v, i) => v / wall.empty[i])),
    importInsideMs: summarize(inside),
  }
  const spreadMs = (s) => `${msf(s.median)} (p25–p75 ${s.p25.toFixed(1)}–${s.p75.toFixed(1)})`
  return {
    raw,
    rows: [
      {
        figure: 'import @scloud/ucdn, added process time',
        measured: `+${spreadMs(raw.deltaMs)} = ${raw.ratio.median.toFixed(2)}× an empty script`,
        budget: `≤ ${BUDGET_MS} ms`,
        status: raw.deltaMs.median <= BUDGET_MS ? 'pass' : 'fail',
        value: raw.deltaMs.median,
      },
      { figure: '  empty script process', measured: spreadMs(raw.emptyMs), status: 'info' },
      { figure: '  importing script process', measured: spreadMs(raw.sdkMs), status: 'info' },
      {
        figure: '  import() measured inside the process',
        measured: spreadMs(raw.importInsideMs),
        status: 'info',
      },
    ],
  }
}
