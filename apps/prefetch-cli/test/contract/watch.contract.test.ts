import { stripVTControlCharacters } from 'node:util'
import type { PrefetchTaskSeed } from '@scloud/ucdn-mock'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { lines, runCli, T0, useWorld } from '../harness.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const ESC = '\u001b['

/** Two tasks still running at T0: one ends well after ~20 s, one loses a URL after ~12 s. */
const RUNNING: readonly PrefetchTaskSeed[] = [
  {
    taskId: 'tSlow',
    createdAt: T0 - 1_000,
    urls: [
      { url: 'https://cdn.example.com/big.mp4', waitMs: 2_000, processMs: 18_000 },
      { url: 'https://cdn.example.com/small.mp4', waitMs: 2_000, processMs: 6_000 },
    ],
  },
  {
    taskId: 'tBad',
    createdAt: T0 - 2_000,
    urls: [
      { url: 'https://cdn.example.com/page.html', waitMs: 1_000, processMs: 5_000 },
      { url: 'https://cdn.example.com/missing.html', waitMs: 1_000, processMs: 10_000, outcome: 'failure' },
    ],
  },
]

describe('--watch', () => {
  it('prints a progress line per change until the chosen tasks finish, then the final table; exit 0', async () => {
    const { clock } = useWorld(server, RUNNING)
    const result = await runCli(['--watch', '--task-id', 'tSlow'], clock)
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    const progress = lines(result.stdout).filter((line) => /^\d\d:\d\d:\d\d /.test(line))
    expect(progress.length).toBeGreaterThanOrEqual(3)
    expect(progress[0]).toMatch(/^08:00:00 +\d+% {2}0\/2 URLs done · 1 task: 1 (wait|process)$/)
    expect(progress.at(-1)).toMatch(/ 100% {2}2\/2 URLs done · 1 task: 1 success$/)
    // Each line is a change, in time order, and progress never goes back.
    const percents = progress.map((line) => Number(/ (\d+)% /.exec(line)?.[1]))
    expect([...percents].sort((a, b) => a - b)).toEqual(percents)
    expect(result.stdout).toMatch(/tSlow {4}2026-01-31 07:59:59 {2}✓ success {8}2\/2 {7}0 {6}100%/)
    expect(result.stdout).toMatch(/\n1 task: 1 success · 2\/2 URLs done \(100%\)\n$/)
    expect(clock.now()).toBeGreaterThanOrEqual(T0 + 19_000) // it waited (on the fake clock) for the task to end
  })

  it('exits 1 when a watched task fails, naming the failed URL', async () => {
    const { clock } = useWorld(server, RUNNING)
    const result = await runCli(['--watch'], clock)
    expect(result.code).toBe(1)
    // The failed URL keeps its own figure: the line never claims 100% with a failure in it.
    expect(result.stdout).toMatch(
      / \d\d% {2}4\/4 URLs done · 2 tasks: 1 success, 1 failure · ✗ 1 failed URL\n/,
    )
    expect(result.stdout).toContain('1 failed URL: https://cdn.example.com/missing.html (tBad)')
  })

  it('draws a live bar on a terminal, then the table', async () => {
    const { clock } = useWorld(server, RUNNING)
    const result = await runCli(['--watch', '-t', 'tSlow'], clock, { tty: true, columns: 100 })
    expect(result.code).toBe(0)
    expect(result.stdout.startsWith(`${ESC}?25l`)).toBe(true) // cursor hidden while the bar is live
    expect(stripVTControlCharacters(result.stdout)).toContain(
      `${'█'.repeat(24)} 100%  2/2 URLs done · 1 task: 1 success`,
    )
    expect(result.stdout).toContain(`${ESC}32m✓ success`) // a terminal gets colors
    const shown = result.stdout.lastIndexOf(`${ESC}?25h`)
    expect(shown).toBeGreaterThan(0) // and shown again before the table
    expect(result.stdout.indexOf('TASK ID', shown)).toBeGreaterThan(shown)
  })

  it('on a terminal, also draws a bar per watched task, each ending at its own outcome', async () => {
    const { clock } = useWorld(server, RUNNING)
    const result = await runCli(['--watch'], clock, { tty: true, columns: 100 })
    expect(result.code).toBe(1)
    const text = stripVTControlCharacters(result.stdout)
    expect(text).toMatch(/ {2}\d+% {2}tSlow {2}0\/2 URLs · [-*] (wait|process)/)
    expect(text).toContain(`${'█'.repeat(24)} 100%  tSlow  2/2 URLs · ✓ success`)
    // A failed task is not drawn as a full bar at 100%: its figure is its URLs', its state says failure.
    expect(text).toMatch(/█+░+ {2}\d\d% {2}tBad {3}2\/2 URLs · ✗ failure · 1 failed/)
  })

  it('with --json, draws progress on stderr and prints only the final JSON on stdout', async () => {
    const { clock } = useWorld(server, RUNNING)
    const result = await runCli(['--watch', '--json'], clock)
    expect(result.code).toBe(1)
    const json = JSON.parse(result.stdout) as { TaskList: { TaskId: string; Status: string }[] }
    expect(json.TaskList.map((t) => [t.TaskId, t.Status])).toEqual([
      ['tSlow', 'success'],
      ['tBad', 'failure'],
    ])
    expect(result.stderr).toMatch(/^08:00:00 /)
    expect(result.stderr).toMatch(/\d\d% {2}4\/4 URLs done/)
  })

  it('returns at once when every task is already finished', async () => {
    const { clock } = useWorld(server, RUNNING)
    clock.advance(60_000)
    const result = await runCli(['--watch', '--task-id', 'tSlow'], clock)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^TASK ID/)
  })

  it('gives up after --watch-timeout with exit 3 and where things stood', async () => {
    const { clock } = useWorld(server, RUNNING)
    const result = await runCli(['--watch', '--watch-timeout', '8s', '-t', 'tSlow'], clock)
    expect(result.code).toBe(3)
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(
        /^ucdn-prefetch: Tasks still not finished after 8 s \(--watch-timeout\): [01] of 2 URLs done; run again to keep watching\.$/,
      ),
    ])
  })

  it('follows a task listed with an older --since to the end (the polls keep that window)', async () => {
    // Created two days ago, so outside the API's default one-day window; it finishes 10 s after T0.
    const ancient: PrefetchTaskSeed = {
      taskId: 'tAncient',
      createdAt: T0 - 2 * 24 * 3_600_000,
      urls: [{ url: 'https://cdn.example.com/slow.iso', waitMs: 0, processMs: 2 * 24 * 3_600_000 + 10_000 }],
    }
    const { clock } = useWorld(server, [ancient])
    const result = await runCli(['--watch', '--since', '3d'], clock)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/ 100% {2}1\/1 URLs done · 1 task: 1 success\n/)
  })

  it('exits 3 when the API stops returning a task before it finished, showing its last known state', async () => {
    const { clock } = useWorld(server, RUNNING)
    let calls = 0
    // After the listing, the API answers every poll without the tasks (they were deleted, say).
    server.use(
      http.post(/.*/, () => {
        calls++
        if (calls === 1) return undefined
        return HttpResponse.json({
          RetCode: 0,
          Action: 'DescribeNewUcdnPrefetchCacheTaskResponse',
          TotalCount: 0,
          TaskList: [],
        })
      }),
    )
    const result = await runCli(['--watch', '-t', 'tSlow'], clock)
    expect(result.code).toBe(3)
    expect(result.stdout).toContain('tSlow')
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(
        /^ucdn-prefetch: lost track of tSlow while watching: .*last known state shown\.$/,
      ),
    ])
  })

  it('stops on Ctrl-C with exit 130, the cursor restored', async () => {
    const { clock } = useWorld(server, RUNNING)
    const controller = new AbortController()
    let sleeps = 0
    const result = await runCli(['--watch'], clock, {
      tty: true,
      signal: controller.signal,
      sleep: async (ms) => {
        if (++sleeps === 2) controller.abort(new Error('SIGINT'))
        controller.signal.throwIfAborted()
        clock.advance(ms)
      },
    })
    expect(result.code).toBe(130)
    expect(result.stderr).toBe('ucdn-prefetch: interrupted\n')
    expect(result.stdout.lastIndexOf(`${ESC}?25h`)).toBeGreaterThan(result.stdout.lastIndexOf(`${ESC}?25l`))
  })
})
