// Where the SDK's per-call time goes (figure `overhead`). `node --expose-gc analysis/overhead-breakdown.mjs`
// Part 1: CPU of each piece, no network. Part 2: on the loopback server, raw undici with the SDK's extras added
// one at a time, and a "lean" composition of the SDK's own pieces (no generated runtime, no AbortController).
import crypto from 'node:crypto'
import { Pool } from 'undici'
import { compareMany } from '../lib/compare.mjs'
import { ACTION, oneTaskBody } from '../lib/fixtures.mjs'
import { startServer } from '../lib/server.mjs'
import { stubFetch } from '../lib/stub-response.mjs'
import { formBody, presign } from '../lib/wire.mjs'
import { internal } from './internals.mjs'

const quick = process.argv.includes('--quick')
const { UcdnClient } = await import('@scloud/ucdn')
const { flattenParams, signParams } = await import('@scloud/signer')
const { DescribeNewUcdnPrefetchCacheTaskRequestToJSON, PrefetchApi, Configuration } = await import(
  '@scloud/ucdn-client'
)
const { toDescribeRequest } = await internal('@scloud/ucdn', './validate-params.js')
const { parseDescribeResponse } = await internal('@scloud/ucdn', './parse-response.js')
const { scopedSignal, raceAbort } = await internal('@scloud/ucdn', './abort.js')
const { createUndiciTransport } = await internal('@scloud/ucdn', './transport/undici-fetch.js')
const { signRequestWith } = await internal('@scloud/signer', './wire-request.js')
const signRequest = (request, keys) =>
  signRequestWith(request, keys, (text) => crypto.hash('sha1', text, 'hex'))
const { encodeFormBody } = await internal('@scloud/signer', './form-body.js')

const body = oneTaskBody()
const credentials = { publicKey: 'bench-public-key', privateKey: 'bench-private-key' }
const params = { taskIds: ['pf-7kq2m9x4ab'], projectId: 'org-bench01' }
const request = toDescribeRequest(params, {})
const generatedInit = {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(DescribeNewUcdnPrefetchCacheTaskRequestToJSON(request)),
}
const stub = stubFetch(body)
const stubClient = new UcdnClient({ credentials, baseUrl: 'http://127.0.0.1:9/', fetch: stub })
const bareApi = new PrefetchApi(new Configuration({ basePath: 'http://127.0.0.1:9', fetchApi: stub }))
const timers = { setTimeout, clearTimeout }
const settled = Promise.resolve(1)
const print = (run, base) => {
  for (const [name, c] of Object.entries(run.candidates)) {
    const ratio = base ? `  ${run.ratio(name, base).median.toFixed(2)}×` : ''
    console.log(`${name.padEnd(64)} ${(c.perCallMs.median * 1000).toFixed(1).padStart(7)} µs${ratio}`)
  }
}

console.log('CPU per call, no network')
print(
  await compareMany(
    'cpu',
    [
      {
        name: 'SDK describePrefetchTasks, fetch stub (all client CPU)',
        fn: () => stubClient.describePrefetchTasks(params),
      },
      { name: 'toDescribeRequest (params validation)', fn: () => toDescribeRequest(params, {}) },
      {
        name: 'generated PrefetchApi …Raw, fetch stub, no middleware',
        fn: () =>
          bareApi.describeNewUcdnPrefetchCacheTaskRaw({ describeNewUcdnPrefetchCacheTaskRequest: request }),
      },
      {
        name: 'signRequest (JSON body → parse → flatten → sign → form)',
        fn: () =>
          signRequest({ url: `http://127.0.0.1:9/#Action=${ACTION}`, init: generatedInit }, credentials),
      },
      { name: 'parseDescribeResponse (1-task body)', fn: () => parseDescribeResponse(body, 'id', ACTION) },
      { name: 'JSON.parse (1-task body)', fn: () => JSON.parse(body) },
      {
        name: 'scopedSignal + raceAbort + dispose (per attempt)',
        fn: async () => {
          const scope = scopedSignal(undefined, 30_000, timers)
          try {
            return await raceAbort(settled, scope.signal)
          } finally {
            scope.dispose()
          }
        },
      },
    ],
    quick ? { rounds: 3, iterationsPerRound: 300 } : { rounds: 15, iterationsPerRound: 2000 },
  ),
)

const server = await startServer({ mode: 'fixed', body })
const wire = formBody(
  presign({ Action: ACTION, ProjectId: params.projectId, TaskId: params.taskIds }, credentials),
)
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const pool = new Pool(server.origin)
const leanPool = new Pool(server.origin)
const transport = createUndiciTransport()
const client = new UcdnClient({ credentials, baseUrl: server.url })
const send = (extra = {}) => pool.request({ path: '/', method: 'POST', headers: FORM, body: wire, ...extra })

/** The SDK's own pieces composed directly: validate, map, flatten, sign, form-encode, undici, parse. */
async function lean(p) {
  /** @type {Record<string, unknown>} */
  const wireParams = { ...DescribeNewUcdnPrefetchCacheTaskRequestToJSON(toDescribeRequest(p, {})) }
  wireParams.PublicKey = credentials.publicKey
  const flat = flattenParams(wireParams)
  const formText = `${encodeFormBody(flat)}&Signature=${signParams(flat, credentials.privateKey)}`
  // undici's own timers instead of an AbortController per attempt
  const res = await leanPool.request({
    path: '/',
    method: 'POST',
    headers: FORM,
    body: formText,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  })
  return parseDescribeResponse(await res.body.text(), res.headers['x-ucloud-request-uuid'], ACTION).page
}

console.log('\nLoopback keep-alive server, per call (ratio to raw undici)')
print(
  await compareMany(
    'net',
    [
      { name: 'raw undici request + body.json()', fn: async () => (await send()).body.json() },
      {
        name: '  + an AbortController signal',
        fn: async () => (await send({ signal: new AbortController().signal })).body.json(),
      },
      {
        name: '  + AbortController signal + setTimeout/clearTimeout',
        fn: async () => {
          const controller = new AbortController()
          const timer = setTimeout(() => controller.abort(), 30_000)
          try {
            return await (await send({ signal: controller.signal })).body.json()
          } finally {
            clearTimeout(timer)
          }
        },
      },
      {
        name: '  + headersTimeout/bodyTimeout instead',
        fn: async () => (await send({ headersTimeout: 30_000, bodyTimeout: 30_000 })).body.json(),
      },
      {
        name: 'SDK transport fetch (BufferedResponse) + text + JSON.parse',
        fn: async () =>
          JSON.parse(
            await (await transport.fetch(server.url, { method: 'POST', headers: FORM, body: wire })).text(),
          ),
      },
      { name: 'lean composition of the SDK pieces', fn: () => lean(params) },
      { name: 'SDK describePrefetchTasks', fn: () => client.describePrefetchTasks(params) },
    ],
    quick ? { rounds: 3, iterationsPerRound: 50 } : { rounds: 24, iterationsPerRound: 300 },
  ),
  'raw undici request + body.json()',
)
await Promise.all([pool.close(), leanPool.close(), transport.close(), client.close(), stubClient.close()])
await server.close()
