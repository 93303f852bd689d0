// Figure 2: what describePrefetchTasks does once a large answer's bytes have arrived (parse, validate, map to
// the camelCase models), against JSON.parse alone. Plus the memory each needs, measured in fresh processes.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  DescribeNewUcdnPrefetchCacheTaskResponseFromJSON,
  DescribeNewUcdnPrefetchCacheTaskResponseSchema,
} from '../lib/client-pieces.mjs'
import { compareMany } from '../lib/compare.mjs'
import { largeBody } from '../lib/fixtures.mjs'
import { mb, msf, ratioText } from '../lib/format.mjs'
import { missingFor } from '../lib/sdk.mjs'
import { median } from '../lib/stats.mjs'
import { stubFetch } from '../lib/stub-response.mjs'

export const id = 'large'
export const title = 'Large response (2,000 tasks × 50 URLs)'
const BUDGET = 1.5
/** Peak heap during the call, SDK / JSON.parse: at most this. */
const HEAP_BUDGET = 1.6
const TASKS = 2000
const URLS = 50
const probe = fileURLToPath(new URL('../lib/memory-probe.mjs', import.meta.url))

/**
 * @param {import('../lib/types.mjs').FigureContext} context
 * @returns {Promise<import('../lib/types.mjs').FigureResult>}
 */
export async function run({ sdk, quick }) {
  const text = largeBody(TASKS, URLS)
  const bytes = Buffer.from(text)
  /** @type {Record<string, any>} */
  const raw = { tasks: TASKS, urlsPerTask: URLS, bodyBytes: bytes.length }
  const skip = missingFor(sdk, ['@scloud/ucdn'])
  const schema = DescribeNewUcdnPrefetchCacheTaskResponseSchema
  const toModel = DescribeNewUcdnPrefetchCacheTaskResponseFromJSON
  // The answer arrives as bytes, for the SDK and for a hand-written client alike: the baseline is JSON.parse of
  // the same bytes (their UTF-8 decode included); JSON.parse of a ready string is listed beside it.
  const candidates = [
    { name: 'JSON.parse', fn: () => JSON.parse(bytes.toString('utf8')) },
    { name: 'JSON.parse of a ready string (no decode)', fn: () => JSON.parse(text) },
    // References that explain the SDK's figure: mapping without validation (the floor of any validated
    // mapping), and the straightforward validated path (the generated zod schema, then the generated mapping).
    { name: 'JSON.parse + generated FromJSON, no validation', fn: () => toModel(JSON.parse(text)) },
    {
      name: 'JSON.parse + zod safeParse + FromJSON',
      fn: () => toModel(schema.safeParse(JSON.parse(text)).data),
    },
  ]
  let client
  let realClient
  if (!skip) {
    const { UcdnClient } = sdk.ucdn
    const base = { credentials: sdk.credentials, baseUrl: 'http://stub.invalid/' }
    client = new UcdnClient({ ...base, fetch: stubFetch(text) })
    realClient = new UcdnClient({ ...base, fetch: stubFetch(text, { real: true, bytes }) })
    const page = await client.describePrefetchTasks({})
    const urls = page.taskList.reduce((n, t) => n + t.urlLists.length, 0)
    if (page.taskList.length !== TASKS || urls !== TASKS * URLS)
      throw new Error('SDK returned a different answer')
    candidates.unshift({ name: 'SDK describePrefetchTasks', fn: () => client.describePrefetchTasks({}) })
    candidates.push({
      name: 'SDK, fetch answering a WHATWG Response (+ UTF-8 decode)',
      fn: () => realClient.describePrefetchTasks({}),
    })
  }
  // A full collection before every batch: each call leaves ~36 MB, much of it in the old generation.
  const opts = quick
    ? { rounds: 3, iterationsPerRound: 1, warmupRounds: 1, gc: 'full' }
    : { rounds: 20, iterationsPerRound: 2, gc: 'full' }
  const run = await compareMany(title, candidates, opts)
  raw.run = { rounds: run.rounds, iterationsPerRound: run.iterationsPerRound, candidates: run.candidates }
  /** @type {import('../lib/types.mjs').Row[]} */
  const rows = candidates.map((c) => ({
    figure: `  ${c.name}`,
    measured: msf(run.candidates[c.name].perCallMs.median),
    status: 'info',
  }))
  if (skip) {
    rows.splice(1, 0, {
      figure: '  SDK vs JSON.parse of a ready string',
      measured: ratioText(raw.ratioVsReadyString),
      status: 'info',
    })
    rows.unshift({
      figure: 'SDK decode+parse+check+map vs JSON.parse (same bytes)',
      measured: skip,
      budget: `≤ ${BUDGET}×`,
      status: 'skip',
    })
  } else {
    const ratio = run.ratio('SDK describePrefetchTasks', 'JSON.parse')
    raw.ratio = ratio
    raw.ratioVsReadyString = run.ratio(
      'SDK describePrefetchTasks',
      'JSON.parse of a ready string (no decode)',
    )
    rows.splice(1, 0, {
      figure: '  SDK vs JSON.parse of a ready string',
      measured: ratioText(raw.ratioVsReadyString),
      status: 'info',
    })
    rows.unshift({
      figure: 'SDK decode+parse+check+map vs JSON.parse (same bytes)',
      measured: ratioText(ratio),
      budget: `≤ ${BUDGET}×`,
      status: ratio.median <= BUDGET ? 'pass' : 'fail',
      value: ratio.median,
    })
  }
  raw.memory = memory(text, skip ? ['json-parse'] : ['json-parse', 'sdk'], quick ? 1 : 5)
  if (raw.memory.sdk) {
    const heapRatio = raw.memory.sdk.peakHeapGrowth / raw.memory['json-parse'].peakHeapGrowth
    raw.peakHeapRatio = heapRatio
    rows.push({
      figure: 'Peak heap during the call, SDK / JSON.parse',
      measured: `${heapRatio.toFixed(2)}× (${mb(raw.memory.sdk.peakHeapGrowth)} vs ${mb(raw.memory['json-parse'].peakHeapGrowth)})`,
      budget: `≤ ${HEAP_BUDGET}×`,
      status: heapRatio <= HEAP_BUDGET ? 'pass' : 'fail',
      value: heapRatio,
    })
  }
  for (const [mode, m] of Object.entries(raw.memory)) {
    rows.push({
      figure: `  memory, ${mode === 'sdk' ? 'SDK' : 'JSON.parse'} (fresh process)`,
      measured: `peak heap +${mb(m.peakHeapGrowth)}, retained heap ${mb(m.retainedHeap)}, peak RSS +${mb(m.peakRssGrowth)}`,
      status: 'info',
    })
  }
  return { rows, raw }
}

/** Peak RSS growth and retained heap per mode: median of `times` fresh processes each, interleaved. */
function memory(text, modes, times) {
  const dir = mkdtempSync(join(tmpdir(), 'scloud-bench-'))
  const file = join(dir, 'large.json')
  writeFileSync(file, text)
  const samples = Object.fromEntries(modes.map((m) => [m, []]))
  try {
    for (let i = 0; i < times; i++) {
      for (const mode of modes) {
        const args = ['--expose-gc', '--trace-gc', probe, mode, file]
        const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 })
        samples[mode].push(readProbe(out))
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const result = {}
  for (const [mode, list] of Object.entries(samples)) {
    result[mode] = {
      peakHeapGrowth: median(list.map((s) => s.peakHeapGrowth)),
      peakRssGrowth: median(list.map((s) => s.peakRssGrowth)),
      retainedHeap: median(list.map((s) => s.retainedHeap)),
      heapCommittedGrowth: median(list.map((s) => s.heapCommittedGrowth)),
      samples: list,
    }
  }
  return result
}

/**
 * The probe's JSON line plus the peak heap during the operation: the largest "used before GC" of the --trace-gc
 * lines between the two forced GCs ("testing") around it, or the heap right after it if that is larger.
 */
function readProbe(out) {
  const lines = out.split('\n')
  const result = JSON.parse(lines.find((l) => l.startsWith('{')))
  const gcs = lines.filter((l) => / MB, /.test(l))
  const forced = gcs.flatMap((l, i) => (l.includes('testing') ? [i] : []))
  const during = gcs.slice(forced.at(-2) + 1, forced.at(-1))
  const mb = (l) => Number(l.match(/: \S+ ([\d.]+) \(/)?.[1] ?? 0) * 2 ** 20
  const peak = Math.max(result.heapAfterOp, ...during.map(mb))
  return { ...result, gcsDuring: during.length, peakHeapGrowth: peak - result.heapBefore }
}
