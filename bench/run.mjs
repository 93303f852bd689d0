// `pnpm bench [figure…] [--quick] [--out file]`: runs the figures, prints the table, writes the raw numbers.
// Exit code 1 when any budget fails or could not be checked (a skipped figure); 0 only when every budget holds.
// With --quick (a smoke test) only a figure that crashed gives exit code 1.
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import * as bundle from './figures/bundle.mjs'
import * as coldStart from './figures/cold-start.mjs'
import * as largeResponse from './figures/large-response.mjs'
import * as overhead from './figures/overhead.mjs'
import * as pagination from './figures/pagination.mjs'
import * as signing from './figures/signing.mjs'
import * as startup from './figures/startup.mjs'
import * as submit from './figures/submit.mjs'
import { loadSdk } from './lib/sdk.mjs'
import { printTable } from './lib/table.mjs'

const FIGURES = [overhead, largeResponse, submit, pagination, signing, bundle, coldStart, startup]
const here = dirname(fileURLToPath(import.meta.url))

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
})
// A smoke test must not overwrite the last real measurement.
const out = values.out ?? resolve(here, values.quick ? 'results/quick.json' : 'results/latest.json')
if (values.help) {
  console.log(`usage: pnpm bench [${FIGURES.map((f) => f.id).join('|')} …] [--quick] [--out file]`)
  process.exit(0)
}
const unknown = positionals.filter((p) => !FIGURES.some((f) => f.id === p))
if (unknown.length > 0) {
  console.error(`unknown figure ${unknown.join(', ')}; known: ${FIGURES.map((f) => f.id).join(', ')}`)
  process.exit(2)
}
if (typeof globalThis.gc !== 'function')
  console.warn('warning: run with --expose-gc (pnpm bench does) for GC between rounds')

const selected = positionals.length === 0 ? FIGURES : FIGURES.filter((f) => positionals.includes(f.id))
const sdk = await loadSdk()
const started = new Date()
const report = {
  date: started.toISOString(),
  quick: values.quick,
  machine: machine(),
  credentials: sdk.credentialsSource,
  sdkMissing: sdk.missing,
  figures: {},
}
/** @type {Array<Partial<import('./lib/types.mjs').Row> & { section?: string }>} */
const rows = []
for (const figure of selected) {
  process.stderr.write(`running ${figure.id}…\n`)
  const t0 = performance.now()
  try {
    const { rows: figureRows, raw } = await figure.run({ sdk, quick: values.quick })
    rows.push({ section: figure.title }, ...figureRows)
    report.figures[figure.id] = { rows: figureRows, raw, seconds: (performance.now() - t0) / 1000 }
  } catch (err) {
    console.error(err)
    const row = { figure: figure.title, measured: `error: ${err.message}`, status: 'fail', error: true }
    rows.push({ section: figure.title }, row)
    report.figures[figure.id] = { rows: [row], error: String(err.stack ?? err) }
  }
}

printTable(rows)
const judged = rows.filter((r) => r.status === 'pass' || r.status === 'fail' || r.status === 'skip')
const failed = judged.filter((r) => r.status === 'fail')
const skipped = judged.filter((r) => r.status === 'skip')
report.summary = {
  passed: judged.length - failed.length - skipped.length,
  failed: failed.length,
  skipped: skipped.length,
}
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`)

console.log(
  `\n${report.summary.passed} budget(s) met, ${failed.length} over budget, ${skipped.length} not measured` +
    `${values.quick ? ' (--quick: smoke test, figures not stable)' : ''}. Raw numbers: ${out}`,
)
for (const r of failed) console.log(`  OVER BUDGET: ${r.figure.trim()}: ${r.measured} (budget ${r.budget})`)
for (const r of skipped) console.log(`  NOT MEASURED: ${r.figure.trim()}: ${r.measured}`)
// --quick is a smoke test of the harness: its few rounds cannot judge a budget, so only a crash fails it.
const crashed = rows.filter((r) => r.error)
process.exitCode = (values.quick ? crashed.length : failed.length + skipped.length) > 0 ? 1 : 0
if (values.quick)
  console.log(`--quick: budgets not judged; exit code reflects only crashes (${crashed.length}).`)

function machine() {
  const cpus = os.cpus()
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    memoryGb: +(os.totalmem() / 2 ** 30).toFixed(1),
    loadavg: os.loadavg(),
  }
}
