// Figure: CLI start-up. Each bin of @scloud/ucdn-cli (its bundled dist file) run as a user runs it — `--help`, a
// usage error, the demo table — vs a fresh `node` running an empty script, alternately; the ratio of each pair of
// wall times, median over the pairs.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { msf } from '../lib/format.mjs'
import { summarize } from '../lib/stats.mjs'

export const id = 'startup'
export const title = 'CLI start-up (fresh process vs an empty node)'
const HELP_BUDGET = 2.5
const DEMO_BUDGET = 4
const cliDir = join(dirname(fileURLToPath(import.meta.url)), '../../apps/prefetch-cli')
const empty = fileURLToPath(new URL('../fixtures/cold-empty.mjs', import.meta.url))

/** What each bin is asked, and the budget: `exit` is the exit code that shows the command ran as meant. */
const COMMANDS = {
  'ucdn-prefetch': [
    { what: '--help', args: ['--help'], exit: 0, budget: HELP_BUDGET },
    { what: 'a usage error', args: ['--no-such-option'], exit: 2, budget: HELP_BUDGET },
    { what: 'the demo table', args: ['--mock'], exit: 0, budget: DEMO_BUDGET },
  ],
  ucdn: [
    { what: '--help', args: ['--help'], exit: 0, budget: HELP_BUDGET },
    { what: 'a usage error', args: ['--no-such-option'], exit: 2, budget: HELP_BUDGET },
    { what: 'the demo table', args: ['tasks', '--mock'], exit: 0, budget: DEMO_BUDGET },
  ],
}

/**
 * @param {import('../lib/types.mjs').FigureContext} context
 * @returns {Promise<import('../lib/types.mjs').FigureResult>}
 */
export async function run({ quick }) {
  const manifest = JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8'))
  const bins = typeof manifest.bin === 'string' ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {})
  const n = quick ? 3 : 20
  /** @type {import('../lib/types.mjs').Row[]} */
  const rows = []
  /** @type {Record<string, any>} */
  const raw = { processes: n }
  // Without a HOME of its own a bin could find real credentials and leave the demo; the env says "no credentials".
  const env = {
    ...process.env,
    UCLOUD_PUBLIC_KEY: '',
    UCLOUD_PRIVATE_KEY: '',
    HOME: '/nonexistent',
    NO_COLOR: '1',
  }
  for (const [bin, target] of Object.entries(bins)) {
    const file = join(cliDir, target)
    const commands = COMMANDS[bin] ?? COMMANDS['ucdn-prefetch']
    for (const command of commands) {
      const label = `${bin} ${command.what}`
      if (!existsSync(file)) {
        rows.push({
          figure: label,
          measured: `${target} not built`,
          budget: `≤ ${command.budget}×`,
          status: 'skip',
        })
        continue
      }
      const once = (args, expected) => {
        const t0 = performance.now()
        const res = spawnSync(process.execPath, args, { encoding: 'utf8', env })
        const ms = performance.now() - t0
        if (res.status !== expected) {
          throw new Error(`${label}: exit ${res.status}, expected ${expected}: ${res.stderr.slice(0, 400)}`)
        }
        return ms
      }
      once([file, ...command.args], command.exit) // warm the OS file cache, not measured
      const cli = []
      const base = []
      for (let i = 0; i < n; i++) {
        const order = i % 2 === 0 ? ['empty', 'cli'] : ['cli', 'empty']
        for (const which of order) {
          if (which === 'empty') base.push(once([empty], 0))
          else cli.push(once([file, ...command.args], command.exit))
        }
      }
      const ratio = summarize(cli.map((ms, i) => ms / base[i]))
      raw[label] = { cliMs: summarize(cli), emptyMs: summarize(base), ratio }
      rows.push({
        figure: label,
        measured: `${ratio.median.toFixed(2)}× (p25–p75 ${ratio.p25.toFixed(2)}–${ratio.p75.toFixed(2)}); ${msf(raw[label].cliMs.median)} vs ${msf(raw[label].emptyMs.median)}`,
        budget: `≤ ${command.budget}×`,
        status: ratio.median <= command.budget ? 'pass' : 'fail',
        value: ratio.median,
      })
    }
  }
  return { rows, raw }
}
