// Figure 3: paginatePrefetchTasks over 20,000 tasks (pageSize 500 → 40 pages, 20 ms server latency): concurrency 4
// against sequential. The server is the bench's own paging stand-in, in another process (see lib/server.mjs).
import { compareMany } from '../lib/compare.mjs'
import { msf, ratioText } from '../lib/format.mjs'
import { missingFor } from '../lib/sdk.mjs'
import { startServer } from '../lib/server.mjs'

export const id = 'pagination'
export const title = 'Pagination (20,000 tasks, pageSize 500, 20 ms latency)'
const BUDGET = 3
const TASKS = 20_000
const PAGE_SIZE = 500
const LATENCY_MS = 20
const URLS_PER_TASK = 2

/**
 * @param {import('../lib/types.mjs').FigureContext} context
 * @returns {Promise<import('../lib/types.mjs').FigureResult>}
 */
export async function run({ sdk, quick }) {
  const skip = missingFor(sdk, ['@scloud/ucdn'])
  /** @type {Record<string, any>} */
  const raw = { tasks: TASKS, pageSize: PAGE_SIZE, latencyMs: LATENCY_MS, urlsPerTask: URLS_PER_TASK }
  const pages = Math.ceil(TASKS / PAGE_SIZE)
  // With the first page needed to learn TotalCount, 4 lanes need 1 + ceil(39 / 4) = 11 page times, not 40.
  raw.idealSpeedup = pages / (1 + Math.ceil((pages - 1) / 4))
  if (skip || typeof paginator(sdk) !== 'function') {
    const why = skip ?? 'paginatePrefetchTasks not exported yet'
    return {
      rows: [
        { figure: 'concurrency 4 vs sequential', measured: why, budget: `≥ ${BUDGET}×`, status: 'skip' },
      ],
      raw,
    }
  }
  const server = await startServer({
    mode: 'paging',
    tasks: TASKS,
    urlsPerTask: URLS_PER_TASK,
    latencyMs: LATENCY_MS,
  })
  const client = new sdk.ucdn.UcdnClient({ credentials: sdk.credentials, baseUrl: server.url })
  try {
    const walk = (concurrency) => async () => {
      const seen = new Set()
      for await (const page of paginate(sdk, client, { pageSize: PAGE_SIZE, concurrency })) {
        for (const task of page.taskList ?? page) seen.add(task.taskId)
      }
      if (seen.size !== TASKS)
        throw new Error(`paginator returned ${seen.size} distinct tasks, expected ${TASKS}`)
      return seen.size
    }
    const candidates = [
      { name: 'sequential (concurrency 1)', fn: walk(1) },
      { name: 'concurrency 4', fn: walk(4) },
    ]
    const opts = quick
      ? { rounds: 2, iterationsPerRound: 1, warmupRounds: 1 }
      : { rounds: 12, iterationsPerRound: 1 }
    const run = await compareMany(title, candidates, opts)
    raw.run = { rounds: run.rounds, candidates: run.candidates }
    const speedup = run.ratio(candidates[0].name, candidates[1].name)
    raw.speedup = speedup
    return {
      raw,
      rows: [
        {
          figure: 'concurrency 4 vs sequential (speed-up)',
          measured: ratioText(speedup),
          budget: `≥ ${BUDGET}×`,
          status: speedup.median >= BUDGET ? 'pass' : 'fail',
          value: speedup.median,
        },
        ...candidates.map((c) => ({
          figure: `  ${c.name}`,
          measured: msf(run.candidates[c.name].perCallMs.median),
          status: 'info',
        })),
        {
          figure: '  ideal speed-up (page-count bound)',
          measured: `${raw.idealSpeedup.toFixed(2)}×`,
          status: 'info',
        },
      ],
    }
  } finally {
    await client.close?.()
    await server.close()
  }
}

/** The SDK's paginator: a client method or AWS-style `paginatePrefetchTasks(client, params, options)`. */
function paginator(sdk) {
  return sdk.ucdn?.UcdnClient?.prototype?.paginatePrefetchTasks ?? sdk.ucdn?.paginatePrefetchTasks
}

function paginate(sdk, client, options) {
  if (typeof client.paginatePrefetchTasks === 'function') return client.paginatePrefetchTasks({}, options)
  return sdk.ucdn.paginatePrefetchTasks(client, {}, options)
}
