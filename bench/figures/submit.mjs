// Figure: the submit helpers of the cache actions. 5,000 URLs through `prefetchUrls` (1,000 a call) and
// `refreshUrls` (100 a call), pacing off (`intervalMs: 0`), against a local server that accepts every submit; vs the
// same requests written by hand: split, flattened, signed with node:crypto, form-encoded, sent with undici.
import { Pool } from 'undici'
import { compareMany } from '../lib/compare.mjs'
import { ratioText } from '../lib/format.mjs'
import { missingFor } from '../lib/sdk.mjs'
import { startServer } from '../lib/server.mjs'
import { formBody, presign } from '../lib/wire.mjs'

export const id = 'submit'
export const title = 'Submit helpers (5,000 URLs, pacing off, loopback keep-alive)'
const BUDGET = 1.2
const URLS = 5000
const FORM = 'application/x-www-form-urlencoded'
const ANSWER = JSON.stringify({ Action: 'SubmitResponse', RetCode: 0, TaskId: 'task-bench-0001' })

const SUBMITS = [
  {
    method: 'prefetchUrls',
    action: 'PrefetchNewUcdnDomainCache',
    batch: 1000,
    params: (batch) => ({ UrlList: batch }),
    options: {},
  },
  {
    method: 'refreshUrls',
    action: 'RefreshNewUcdnDomainCache',
    batch: 100,
    params: (batch) => ({ Type: 'file', UrlList: batch }),
    options: { type: 'file' },
  },
]

/**
 * @param {import('../lib/types.mjs').FigureContext} context
 * @returns {Promise<import('../lib/types.mjs').FigureResult>}
 */
export async function run({ sdk, quick }) {
  const skip = missingFor(sdk, ['@scloud/ucdn'])
  const urls = Array.from(
    { length: URLS },
    (_, i) => `https://static.example.com/assets/build-${i % 97}/chunk-${i}.${i % 3 === 0 ? 'css' : 'js'}`,
  )
  const server = await startServer({ mode: 'fixed', body: ANSWER })
  const pool = new Pool(server.origin)
  /** @type {import('../lib/types.mjs').Row[]} */
  const rows = []
  /** @type {Record<string, any>} */
  const raw = { urls: URLS }
  let client
  try {
    if (!skip) client = new sdk.ucdn.UcdnClient({ credentials: sdk.credentials, baseUrl: server.url })
    for (const submit of SUBMITS) {
      const byHand = async () => {
        const taskIds = []
        for (let at = 0; at < urls.length; at += submit.batch) {
          const params = { Action: submit.action, ...submit.params(urls.slice(at, at + submit.batch)) }
          const body = formBody(presign(params, sdk.credentials))
          const res = await pool.request({
            path: '/',
            method: 'POST',
            headers: { 'content-type': FORM },
            body,
          })
          const json = /** @type {{ RetCode?: number, TaskId?: string }} */ (await res.body.json())
          if (json.RetCode !== 0) throw new Error(`hand-written ${submit.action}: RetCode ${json.RetCode}`)
          taskIds.push(json.TaskId)
        }
        return taskIds
      }
      const candidates = [{ name: 'hand-written (undici, node:crypto)', fn: byHand }]
      if (client) {
        const viaSdk = () => client[submit.method](urls, { ...submit.options, intervalMs: 0 })
        const result = await viaSdk()
        const calls = Math.ceil(URLS / submit.batch)
        if (result.taskIds.length !== calls)
          throw new Error(`${submit.method}: ${result.taskIds.length} tasks`)
        candidates.unshift({ name: `SDK ${submit.method}`, fn: viaSdk })
      }
      const opts = quick
        ? { rounds: 3, iterationsPerRound: 1, warmupRounds: 1 }
        : { rounds: 16, iterationsPerRound: 2, warmupRounds: 2 }
      const result = await compareMany(`${title}: ${submit.method}`, candidates, opts)
      raw[submit.method] = { candidates: result.candidates }
      const per = (name) => `${result.candidates[name].perCallMs.median.toFixed(1)} ms`
      if (!client) {
        rows.push({
          figure: `${submit.method} vs hand-written`,
          measured: skip,
          budget: `≤ ${BUDGET}×`,
          status: 'skip',
        })
        continue
      }
      const ratio = result.ratio(`SDK ${submit.method}`, candidates[1].name)
      raw[submit.method].ratio = ratio
      rows.push({
        figure: `${submit.method} (${Math.ceil(URLS / submit.batch)} calls) vs hand-written`,
        measured: ratioText(ratio),
        budget: `≤ ${BUDGET}×`,
        status: ratio.median <= BUDGET ? 'pass' : 'fail',
        value: ratio.median,
      })
      rows.push({
        figure: `  SDK ${per(`SDK ${submit.method}`)}, hand-written ${per(candidates[1].name)}`,
        measured: '',
        status: 'info',
      })
    }
  } finally {
    await client?.close?.()
    await pool.close()
    await server.close()
  }
  return { rows, raw }
}
