#!/usr/bin/env node
// `npm start` / `npm test` on a fresh clone with only Node.js and npm: fetches the pinned pnpm when it is
// not on PATH, installs the workspace, then runs the job. Under pnpm the same scripts run unchanged.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
// turbo through our wrapper, which keys its cache by the Node.js major version.
const turbo = join(root, 'scripts/turbo.mjs')
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1]

// Only the job's own program writes to stdout (`npm start -- --json | jq` must see nothing else): the steps
// before it (install, turbo's banner and summary) write theirs to stderr.
function run(cmd, args, { ownOutput = false } = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['inherit', ownOutput ? 'inherit' : 2, 'inherit'] })
  if (r.error) throw r.error
  if (r.status !== 0) process.exit(r.status ?? 1)
}

function pnpm() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' })
  if (probe.status === 0 && probe.stdout.trim() === pinned) return ['pnpm', []]
  return ['npx', ['--yes', `pnpm@${pinned}`]]
}

const [job, ...given] = process.argv.slice(2)
// `pnpm start -- --watch` forwards the `--` itself; the CLI must not see it as the end of its options.
const rest = given[0] === '--' ? given.slice(1) : given
const [cmd, pre] = pnpm()
const quiet = ['--reporter=silent']
run(cmd, [...pre, 'install', '--frozen-lockfile', ...quiet])
switch (job) {
  case 'start':
    run(process.execPath, [
      turbo,
      'run',
      'build',
      '--filter=@scloud/ucdn-cli...',
      '--output-logs=errors-only',
    ])
    run(process.execPath, [join(root, 'apps/prefetch-cli/dist/bin.js'), ...rest], { ownOutput: true })
    break
  case 'test':
    // The generator JAR is needed by the check that regenerates the client, which needs Java 17; without Java
    // (a laptop with only Node.js) that check is skipped with a warning, and CI (which has Java) runs it.
    if (process.env.CI || spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0) {
      run(process.execPath, [join(root, 'scripts/ensure-generator.mjs')])
    }
    run(process.execPath, [turbo, 'run', 'test', ...rest], { ownOutput: true })
    break
  default:
    console.error(`usage: node scripts/bootstrap.mjs start|test [args…] (got ${job ?? 'nothing'})`)
    process.exit(2)
}
