import { stripVTControlCharacters } from 'node:util'
import type { PrefetchTaskSeed } from '@scloud/ucdn-mock'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { MAX_FAILED_POLLS, MISSING_GRACE_POLLS } from '../../src/follow-tasks.js'
import { lines, type RunOptions, runCli, T0, useWorld } from '../harness.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

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

const ucdn = (argv: string[], clock: Parameters<typeof runCli>[1], options: RunOptions = {}) =>
  runCli(argv, clock, { ...options, ucdn: true })

/** After `answered` API calls, every call fails as a refused connection would. */
function apiDiesAfter(answered: number): { calls: () => number } {
  let calls = 0
  server.use(
    http.post(/.*/, () => {
      calls++
      return calls <= answered ? undefined : HttpResponse.error()
    }),
  )
  return { calls: () => calls }
}

describe('ucdn tasks', () => {
  it('lists tasks as ucdn-prefetch does, under its own name', async () => {
    const { clock } = useWorld(server, RUNNING)
    const tasks = await ucdn(['tasks'], clock)
    const legacy = await runCli([], clock)
    expect(tasks).toEqual(legacy)
    expect(tasks.stdout).toMatch(/^TASK ID {2}CREATED \(UTC\)/)
    const bad = await ucdn(['tasks', '--status', 'done'], clock)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^ucdn: option '-s, --status <status>' argument "done" is invalid/)
  })

  it('refuses an unknown subcommand with exit 2, suggesting the right one', async () => {
    const { clock } = useWorld(server, RUNNING)
    const result = await ucdn(['taks'], clock)
    expect(result).toMatchObject({ code: 2, stdout: '' })
    expect(result.stderr).toBe('ucdn: unknown command "taks"; did you mean tasks?\n')
  })
})

describe('watching through API trouble (issue 16 #1)', () => {
  it('says what failed as it happens, then gives up with the real cause and exit 3', async () => {
    const { clock } = useWorld(server, RUNNING)
    const api = apiDiesAfter(2) // the listing and one poll answer; then the API is gone
    const result = await ucdn(['tasks', '--watch', '-t', 'tSlow'], clock)
    expect(result.code).toBe(3)
    const trouble = lines(result.stdout).filter((line) => line.includes('API trouble'))
    expect(trouble).toHaveLength(MAX_FAILED_POLLS - 1)
    expect(trouble[0]).toMatch(/^\d\d:\d\d:\d\d API trouble: .+; retrying in \d+ s \(1 failed poll\)$/)
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^ucdn: gave up watching after ${MAX_FAILED_POLLS} failed polls in a row \\(\\d+ s\\): .*network`,
          'i',
        ),
      ),
    ])
    expect(result.stderr).toContain('run again to keep watching')
    // Bounded: a few minutes at most on the fake clock, not the hour of --watch-timeout.
    expect(clock.now() - T0).toBeLessThan(5 * 60_000)
    expect(api.calls()).toBeGreaterThan(MAX_FAILED_POLLS)
  })

  it('keeps watching when the API comes back before the limit', async () => {
    const { clock } = useWorld(server, RUNNING)
    let calls = 0
    // Calls 3-5 fail: one poll's worth, after the SDK's own retries.
    server.use(http.post(/.*/, () => (++calls >= 3 && calls <= 5 ? HttpResponse.error() : undefined)))
    const result = await ucdn(['tasks', '--watch', '-t', 'tSlow'], clock)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('API trouble')
    expect(result.stdout).toMatch(/All 1 task finished in \d+ s\./)
  })
})

describe('task ids that do not exist (issue 16 #5)', () => {
  it('-t nope exits 1 with "task nope not found"', async () => {
    const { clock } = useWorld(server, RUNNING)
    const result = await ucdn(['tasks', '-t', 'nope'], clock)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^ucdn: task nope not found/)
  })

  it('-t nope --watch gives a new task a few polls to appear before giving up', async () => {
    const { clock } = useWorld(server, RUNNING)
    let calls = 0
    server.use(
      http.post(/.*/, () => {
        calls++
        return undefined
      }),
    )
    const result = await ucdn(['tasks', '-t', 'nope', '--watch'], clock)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^ucdn: task nope not found/)
    expect(calls).toBe(1 + MISSING_GRACE_POLLS) // the listing, then the grace polls
  })

  it('-t --watch follows a task that shows up during the grace polls', async () => {
    const { clock } = useWorld(server, RUNNING)
    let calls = 0
    // The first two answers do not know the task yet (it was just submitted).
    server.use(
      http.post(/.*/, () =>
        ++calls <= 2
          ? HttpResponse.json({
              RetCode: 0,
              Action: 'DescribeNewUcdnPrefetchCacheTaskResponse',
              TotalCount: 0,
              TaskList: [],
            })
          : undefined,
      ),
    )
    const result = await ucdn(['tasks', '-t', 'tSlow', '--watch'], clock)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/tSlow .*✓ success/)
  })
})

describe('what aws, gh and kubectl users reach for', () => {
  it('--watch --json streams NDJSON: one object per change, then the final state', async () => {
    const { clock } = useWorld(server, RUNNING)
    const result = await ucdn(['tasks', '--watch', '--json'], clock)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    const events = lines(result.stdout).map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(events.length).toBeGreaterThan(3)
    expect(events.slice(0, -1).every((e) => e.event === 'progress')).toBe(true)
    expect(events.at(-2)).toMatchObject({ urls: { total: 4, done: 4, failed: 1 } })
    const changes = events.slice(0, -1).map((e) => JSON.stringify(e.TaskList))
    expect(new Set(changes).size).toBe(changes.length) // each event a change
    expect(events.at(-1)).toMatchObject({ event: 'result', TotalCount: 2 })
    expect(events[1]).toMatchObject({
      time: expect.stringMatching(/^2026-01-31T08:00:\d\d/),
      elapsedSeconds: expect.any(Number),
    })
  })

  it('--quiet prints nothing and tells by the exit code', async () => {
    const { clock } = useWorld(server, RUNNING)
    const result = await ucdn(['tasks', '--watch', '--quiet'], clock)
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' })
  })

  it('--interval polls at that pace', async () => {
    const { clock } = useWorld(server, RUNNING)
    const sleeps: number[] = []
    const result = await ucdn(['tasks', '--watch', '-t', 'tSlow', '--interval', '7s'], clock, {
      sleep: async (ms) => {
        sleeps.push(ms)
        clock.advance(ms)
      },
    })
    expect(result.code).toBe(0)
    expect(sleeps.length).toBeGreaterThan(1)
    expect(sleeps.every((ms) => ms === 7000)).toBe(true)
  })

  it('shows the elapsed time while watching on a terminal and "finished in" at the end', async () => {
    const { clock } = useWorld(server, RUNNING)
    const result = await ucdn(['tasks', '--watch', '-t', 'tSlow'], clock, { tty: true, columns: 80 })
    const text = stripVTControlCharacters(result.stdout)
    expect(text).toMatch(/URLs done · 1 task: 1 process · \d+ s/)
    expect(text).toMatch(/All 1 task finished in 2\d s\./)
  })

  it('--output yaml and --output ndjson', async () => {
    const { clock } = useWorld(server, RUNNING)
    const yaml = await ucdn(['tasks', '-o', 'yaml'], clock)
    expect(parseYaml(yaml.stdout)).toMatchObject({
      TotalCount: 2,
      TaskList: [{ TaskId: 'tSlow' }, { TaskId: 'tBad' }],
    })
    const ndjson = await ucdn(['tasks', '--output', 'NDJSON'], clock)
    expect(lines(ndjson.stdout).map((line) => JSON.parse(line).TaskId)).toEqual(['tSlow', 'tBad'])
  })
})
