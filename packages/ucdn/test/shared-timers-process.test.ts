// The shared timers on real Node timers, in a process of their own: something pending keeps the process alive
// until it runs (as a Node timer of its own would), and a cleared timeout never holds an idle process open.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import * as esbuild from 'esbuild'
import { afterAll, beforeAll, expect, it } from 'vitest'

const run = promisify(execFile)
let dir: string
let timersModule: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ucdn-shared-timers-'))
  timersModule = join(dir, 'shared-timers.mjs')
  await esbuild.build({
    entryPoints: [fileURLToPath(new URL('../src/shared-timers.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: timersModule,
    logLevel: 'silent',
  })
})
afterAll(() => rm(dir, { recursive: true, force: true }))

async function exitAfter(script: string): Promise<{ ms: number; out: string }> {
  const file = join(dir, `script-${Math.random().toString(36).slice(2)}.mjs`)
  await writeFile(file, `import { createSharedTimers } from ${JSON.stringify(timersModule)}\n${script}`)
  const started = performance.now()
  const { stdout } = await run(process.execPath, [file], { timeout: 20_000 })
  return { ms: performance.now() - started, out: stdout.trim() }
}

it('keeps the process alive while a timeout is pending, and runs it', async () => {
  const { out } = await exitAfter(`
    const timers = createSharedTimers()
    timers.setTimeout(() => console.log('ran'), 300)
  `)
  expect(out).toBe('ran')
}, 30_000)

it('lets an idle process exit at once: a cleared 60 s timeout does not hold it', async () => {
  const { ms, out } = await exitAfter(`
    const timers = createSharedTimers()
    const attempt = timers.setTimeout(() => console.log('never'), 60_000)
    await new Promise((resolve) => setTimeout(resolve, 20))
    timers.clearTimeout(attempt)
    // A second attempt, due later than the timer still armed for the first: it must ref the timer, then let go.
    const next = timers.setTimeout(() => console.log('never either'), 60_000)
    timers.clearTimeout(next)
    console.log('done')
  `)
  expect(out).toBe('done')
  expect(ms).toBeLessThan(10_000)
}, 30_000)
