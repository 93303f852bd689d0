// Run in a fresh process: `node --expose-gc memory-probe.mjs <json-parse|sdk> <body file>`. Prints one JSON line:
// the peak RSS growth while the operation runs (getrusage maxRSS), and the heap its result keeps alive.
import { readFileSync } from 'node:fs'
import { stubFetch } from './stub-response.mjs'

const [mode, file] = process.argv.slice(2)
const text = readFileSync(file, 'utf8')
let call
if (mode === 'sdk') {
  /** @type {any} */
  const ucdn = await import('@scloud/ucdn')
  /** @type {any} */
  const mock = await import('@scloud/ucdn-mock').catch(() => ({}))
  const { UcdnClient } = ucdn
  const { DEMO_CREDENTIALS } = mock
  const credentials = DEMO_CREDENTIALS ?? { publicKey: 'bench-public', privateKey: 'bench-private' }
  const client = new UcdnClient({ credentials, baseUrl: 'http://stub.invalid/', fetch: stubFetch(text) })
  call = () => client.describePrefetchTasks({})
} else {
  call = async () => JSON.parse(text)
}

globalThis.gc()
const before = process.memoryUsage()
const maxRssBefore = process.resourceUsage().maxRSS * 1024
const result = await call()
const maxRssAfter = process.resourceUsage().maxRSS * 1024
const heapTotalAfter = process.memoryUsage().heapTotal
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
    rssBefore: before.rss,
  })}\n`,
)
