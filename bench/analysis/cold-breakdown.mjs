// What `import('@scloud/ucdn')` spends its time on (figure `cold`): the marginal cost of each dependency when
// imported in dependency order in a fresh process, median of N processes. `node analysis/cold-breakdown.mjs`
import { spawnSync } from 'node:child_process'
import { median } from '../lib/stats.mjs'

const N = process.argv.includes('--quick') ? 3 : 15
const ORDER = [
  'zod/mini',
  '@scloud/ucdn-client',
  '@scloud/ucdn-client/schemas',
  '@scloud/signer',
  '@scloud/ucdn',
  // Not loaded by the import since issue #17 (the Node transport imports it on its first call): listed last, for
  // what that first call pays.
  'undici',
]
const script = `
const out = {}
for (const m of ${JSON.stringify(ORDER)}) { const t = performance.now(); await import(m); out[m] = performance.now() - t }
process.stdout.write(JSON.stringify(out))`
const samples = Object.fromEntries(ORDER.map((m) => [m, []]))
for (let i = 0; i < N; i++) {
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    cwd: new URL('..', import.meta.url),
  })
  if (res.status !== 0) throw new Error(`import failed: ${res.stderr}`)
  const out = JSON.parse(res.stdout)
  for (const m of ORDER) samples[m].push(out[m])
}
let total = 0
for (const m of ORDER) {
  const ms = median(samples[m])
  total += ms
  console.log(`${m.padEnd(30)} +${ms.toFixed(1).padStart(6)} ms`)
}
console.log(`${'total'.padEnd(30)}  ${total.toFixed(1).padStart(6)} ms (median of ${N} processes each)`)
