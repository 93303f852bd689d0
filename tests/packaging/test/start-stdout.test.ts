// Issue #16 finding 3: `npm start -- --json | jq .TotalCount` must see the CLI's JSON only — install, turbo's
// banner and summary (and npm's own "> start" lines) go to stderr or nowhere.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { hasNpm, repoRoot } from './support/tools.js'

function hasPnpm(): boolean {
  if (spawnSync('pnpm', ['--version']).status === 0) return true
  if (process.env.CI) throw new Error('pnpm is not on PATH: CI must run the pnpm start test.')
  console.warn('Skipping the pnpm start test: pnpm is not on PATH (CI runs it).')
  return false
}

// --mock: the demo API whatever credentials this machine has.
const starts: [string, string, string[]][] = []
if (hasPnpm()) starts.push(['pnpm start --mock --json', 'pnpm', ['start', '--mock', '--json']])
if (hasNpm()) starts.push(['npm start -- --mock --json', 'npm', ['start', '--', '--mock', '--json']])

describe.skipIf(starts.length === 0)('the repository entry point', () => {
  it.each(starts)('%s prints only the JSON on stdout', (_label, command, args) => {
    const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 })
    expect(result.status, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout).TotalCount).toBe(5)
    // The build step did run and said so, on stderr.
    expect(result.stderr).toMatch(/Tasks:/)
  })
})
