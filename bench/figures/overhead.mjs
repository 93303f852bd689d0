// Figure 1: the cost of one describePrefetchTasks call against the fastest hand-written request of the same
// pre-signed parameters, on a local keep-alive server in another process; plus throughput at concurrency 16.
import { axiosPost, globalFetch, nodeHttp, undiciRequest } from '../lib/baselines.mjs'
import { compareMany } from '../lib/compare.mjs'
import { ACTION, oneTaskBody } from '../lib/fixtures.mjs'
import { ratioText, us } from '../lib/format.mjs'
import { missingFor } from '../lib/sdk.mjs'
import { startServer } from '../lib/server.mjs'
import { stubFetch } from '../lib/stub-response.mjs'
import { formBody, presign } from '../lib/wire.mjs'

export const id = 'overhead'
export const title = 'Call overhead (1-task answer, loopback keep-alive)'
const BUDGET = 1.15
/** Throughput at 16 calls in flight, SDK / undici: at least this. */
const THROUGHPUT_BUDGET = 0.85
const PROJECT_ID = 'org-bench01'
const TASK_ID = 'pf-7kq2m9x4ab'

/**
 * @param {import('../lib/types.mjs').FigureContext} context
 * @returns {Promise<import('../lib/types.mjs').FigureResult>}
 */
export async function run({ sdk, quick }) {
  const skip = missingFor(sdk, ['@scloud/ucdn'])
  const server = await startServer({ mode: 'fixed', body: oneTaskBody() })
  const body = formBody(
    presign({ Action: ACTION, ProjectId: PROJECT_ID, TaskId: [TASK_ID] }, sdk.credentials),
  )
  const baselines = [
    undiciRequest(server.origin, body),
    nodeHttp(server.url, body),
    axiosPost(server.url, body),
    globalFetch(server.url, body),
  ]
  const [undici, node] = baselines
  /** @type {import('../lib/types.mjs').Row[]} */
  const rows = []
  /** @type {Record<string, any>} */
  const raw = { server: 'node:http in a child process on 127.0.0.1', responseBytes: oneTaskBody().length }
  let client
  let stubClient
  try {
    /** @type {Array<{ name: string, fn: () => Promise<unknown> }>} */
    const candidates = [...baselines]
    if (!skip) {
      client = new sdk.ucdn.UcdnClient({ credentials: sdk.credentials, baseUrl: server.url })
      const call = () => client.describePrefetchTasks({ taskIds: [TASK_ID], projectId: PROJECT_ID })
      raw.sameRequest = await sameWire(server, call, baselines[0].fn, body)
      candidates.unshift({ name: 'SDK describePrefetchTasks', fn: call })
      // The SDK's own CPU per call, without any transport: the same call through a fetch stub.
      stubClient = new sdk.ucdn.UcdnClient({
        credentials: sdk.credentials,
        baseUrl: server.url,
        fetch: stubFetch(oneTaskBody()),
      })
      const stubbed = () => stubClient.describePrefetchTasks({ taskIds: [TASK_ID], projectId: PROJECT_ID })
      candidates.push({ name: 'SDK with a fetch stub: client CPU only (info)', fn: stubbed })
    }
    const opts = quick ? { rounds: 4, iterationsPerRound: 30 } : { rounds: 60, iterationsPerRound: 120 }
    const run = await compareMany(title, candidates, opts)
    raw.latency = {
      rounds: run.rounds,
      iterationsPerRound: run.iterationsPerRound,
      gc: run.gc,
      candidates: run.candidates,
    }
    for (const c of candidates) {
      rows.push({
        figure: `  ${c.name}`,
        measured: us(run.candidates[c.name].perCallMs.median),
        status: 'info',
      })
    }
    if (skip) {
      rows.unshift({
        figure: 'SDK vs fastest hand-written request',
        status: 'skip',
        measured: skip,
        budget: `≤ ${BUDGET}×`,
      })
    } else {
      const sdkName = candidates[0].name
      const fastest =
        run.candidates[undici.name].perCallMs.median <= run.candidates[node.name].perCallMs.median
          ? undici
          : node
      const ratio = run.ratio(sdkName, fastest.name)
      raw.ratios = Object.fromEntries(baselines.map((b) => [b.name, run.ratio(sdkName, b.name)]))
      raw.fastestBaseline = fastest.name
      rows.unshift({
        figure: `SDK vs fastest hand-written (${fastest.name})`,
        measured: ratioText(ratio),
        budget: `≤ ${BUDGET}×`,
        status: ratio.median <= BUDGET ? 'pass' : 'fail',
        value: ratio.median,
      })
      rows.push({
        figure: '  same parameters on the wire (SDK vs baselines)',
        measured: raw.sameRequest.same ? 'yes' : `NO: SDK sent ${raw.sameRequest.sdkBody}`,
        status: 'info',
      })
      for (const b of baselines.filter((x) => x !== fastest)) {
        rows.push({ figure: `  SDK vs ${b.name}`, measured: ratioText(raw.ratios[b.name]), status: 'info' })
      }
    }
    rows.push(...(await throughput({ sdkCall: skip ? undefined : candidates[0].fn, undici, quick, raw })))
  } finally {
    await client?.close?.()
    await stubClient?.close?.()
    for (const b of baselines) await b.close()
    await server.close()
  }
  return { rows, raw }
}

/** Requests/s at concurrency 16, SDK vs undici, interleaved rounds of one burst each. */
async function throughput({ sdkCall, undici, quick, raw }) {
  const concurrency = 16
  const total = quick ? 320 : 3200
  const burst = (fn) => async () => {
    let next = 0
    const lane = async () => {
      while (next++ < total) await fn()
    }
    await Promise.all(Array.from({ length: concurrency }, lane))
  }
  const candidates = [{ name: 'undici', fn: burst(undici.fn) }]
  if (sdkCall) candidates.unshift({ name: 'SDK', fn: burst(sdkCall) })
  else {
    return [
      {
        figure: 'Throughput @ concurrency 16, SDK / undici',
        measured: 'SDK not built',
        budget: `≥ ${THROUGHPUT_BUDGET}×`,
        status: 'skip',
      },
    ]
  }
  const run = await compareMany('throughput', candidates, {
    rounds: quick ? 3 : 16,
    iterationsPerRound: 1,
    warmupRounds: 1,
  })
  const rps = (name) => total / (run.candidates[name].perCallMs.median / 1000)
  raw.throughput = { concurrency, requestsPerRound: total, gc: run.gc, candidates: run.candidates }
  /** @type {import('../lib/types.mjs').Row[]} */
  const rows = [
    { figure: '  undici req/s @ concurrency 16', measured: rps('undici').toFixed(0), status: 'info' },
  ]
  if (sdkCall) {
    const ratio = run.ratio('undici', 'SDK') // time undici / time SDK = throughput SDK / undici
    raw.throughput.sdkOverUndici = ratio
    rows.unshift({
      figure: 'Throughput @ concurrency 16, SDK / undici',
      measured: `${rps('SDK').toFixed(0)} vs ${rps('undici').toFixed(0)} req/s = ${ratioText(ratio)}`,
      budget: `≥ ${THROUGHPUT_BUDGET}×`,
      status: ratio.median >= THROUGHPUT_BUDGET ? 'pass' : 'fail',
      value: ratio.median,
    })
  }
  return rows
}

/** Checks the SDK and the baseline put the same parameters on the wire (order aside). */
async function sameWire(server, sdkCall, baselineCall, body) {
  const result = await sdkCall()
  const sdkBody = (await server.lastRequest()).body
  await baselineCall()
  const baseBody = (await server.lastRequest()).body
  const norm = (s) => JSON.stringify([...new URLSearchParams(s)].sort())
  const same = norm(sdkBody) === norm(baseBody) && baseBody === body
  if (!same) console.warn(`overhead: SDK sent ${sdkBody}\n          baseline sent ${baseBody}`)
  return { same, sdkBody, baselineBody: baseBody, sdkTasks: result?.taskList?.length }
}
