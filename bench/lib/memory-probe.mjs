// Run in a fresh process: `node --expose-gc --trace-gc memory-probe.mjs <json-parse|sdk> <body file>`. Prints one
// JSON line: the heap before and right after the operation, the heap its result keeps alive, and the peak RSS
// growth (getrusage maxRSS). The parent reads the peak heap *during* the operation from the --trace-gc lines
// between the two forced GCs around it (see figures/large-response.mjs).
import { readFileSync } from 'node:fs'
import { stubFetch } from './stub-response.mjs'

const [mode, file] = process.argv.slice(2)
const bytes = readFileSync(file)
const text = bytes.toString('utf8')
// Both modes load the SDK and build a client, so the process (modules, heap already committed) is the same
// and only the measured operation differs.
/** @type {any} */
const ucdn = await import('@scloud/ucdn').catch(() => ({}))
/** @type {any} */
const mock = await import('@scloud/ucdn-mock').catch(() => ({}))
const credentials = mock.DEMO_CREDENTIALS ?? { publicKey: 'bench-public', privateKey: 'bench-private' }
const client = ucdn.UcdnClient
  ? new ucdn.UcdnClient({ credentials, baseUrl: 'http://stub.invalid/', fetch: stubFetch(text) })
  : undefined
// Both start from the answer's bytes (the SDK's fetch stub hands it the same bytes): decode, then parse.
const call =
  mode === 'sdk' ? () => client.describePrefetchTasks({}) : async () => JSON.parse(bytes.toString('utf8'))

globalThis.gc()
const before = process.memoryUsage()
const maxRssBefore = process.resourceUsage().maxRSS * 1024
const result = await call()
const maxRssAfter = process.resourceUsage().maxRSS * 1024
const { heapTotal: heapTotalAfter, heapUsed: heapAfterOp } = process.memoryUsage()
globalThis.gc()
const after = process.memoryUsage()
const tasks = (result.taskList ?? result.TaskList).length
process.stdout.write(
  `${JSON.stringify({
    mode,
    tasks,
    // Valid when the operation set a new peak (newPeak), which a 100k-entry parse always does.
    peakRssGrowth: maxRssAfter - before.rss,
    newPeak: maxRssAfter > maxRssBefore,
    heapCommittedGrowth: heapTotalAfter - before.heapTotal,
    retainedHeap: after.heapUsed - before.heapUsed,
    heapBefore: before.heapUsed,
    heapAfterOp,
    rssBefore: before.rss,
  })}\n`,
)
