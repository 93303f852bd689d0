// The SDK's own work per call, without a socket: describePrefetchTasks' pipeline (validate, flatten, sign, the
// retry scope, decode, check and map) over a wire transport that answers at once with the bench's 1-task answer.
// Prints the time per call (6 runs) and the heap each call allocates (heap growth with GC held off by a large new
// space), whole and by step. Run with:
//   node --expose-gc --max-semi-space-size=512 --min-semi-space-size=512 analysis/pipeline-cpu.mjs [calls=200000]
// (node --cpu-prof … gives the same loop's profile.)

import { oneTaskBody } from '../lib/fixtures.mjs'
import { loadSdk } from '../lib/sdk.mjs'
import { internal } from './internals.mjs'

const calls = Number(process.argv[2] ?? 200_000)
const sdk = await loadSdk()
const { resolveConfig } = await internal('@scloud/ucdn', './config.js')
const { prepare, execute } = await internal('@scloud/ucdn', './pipeline/pipeline.js')
const { fixedCredentials, flatten, sign } = await internal('@scloud/ucdn', './pipeline/sign.js')
const { decode } = await internal('@scloud/ucdn', './pipeline/decode.js')
const { checkAndMap } = await internal('@scloud/ucdn', './pipeline/check-and-map.js')
const { toTaskPage } = await internal('@scloud/ucdn', './prefetch-tasks.js')
const { DescribeNewUcdnPrefetchCacheTask: operation } = await import(
  '@scloud/ucdn-client/operations/DescribeNewUcdnPrefetchCacheTask'
)

const response = {
  status: 200,
  body: String(oneTaskBody()),
  header: (name) => (name === 'x-ucloud-request-uuid' ? 'req-1' : undefined),
}
// Settles on abort by itself as the Node transport does (it never needs to: it answers at once).
const transport = { send: () => Promise.resolve(response), settlesOnAbort: () => true }
const config = resolveConfig({ credentials: sdk.credentials, baseUrl: 'http://127.0.0.1:1' })
const credentials = fixedCredentials(sdk.credentials)
const context = { config, transport, credentials }
await new Promise((resolve) => setTimeout(resolve, 10)) // fixed credentials resolve once
const params = { taskIds: ['pf-7kq2m9x4ab'], projectId: 'org-bench01' }
const naming = { method: 'describePrefetchTasks', names: 'sdkName' }
const call = () =>
  execute(context, operation, prepare(context, operation, params, naming), undefined).then(toTaskPage)

for (let run = 0; run < 6; run++) {
  const t0 = performance.now()
  for (let i = 0; i < calls; i++) await call()
  console.log(`call: ${(((performance.now() - t0) * 1000) / calls).toFixed(2)} µs`)
}

const wire = () => prepare(context, operation, params, naming)
const flat = flatten(operation.action, wire())
const steps = {
  'whole call': call,
  validate: wire,
  'validate + flatten': () => flatten(operation.action, wire()),
  sign: () => sign(operation.action, flat, credentials),
  'decode + check and map': () =>
    checkAndMap(operation, decode(operation.action, response, config.clock), 'r'),
}
if (globalThis.gc === undefined) console.log('(run with --expose-gc for the heap figures)')
else {
  for (const [name, fn] of Object.entries(steps)) {
    for (let i = 0; i < 5000; i++) await fn()
    globalThis.gc()
    const before = process.memoryUsage().heapUsed
    for (let i = 0; i < 20_000; i++) await fn()
    console.log(
      `${name}: ${((process.memoryUsage().heapUsed - before) / 20_000).toFixed(0)} B allocated a call`,
    )
  }
}
