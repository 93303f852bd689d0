// Running ucdn-prefetch in-process against the mock: captured output, a manual clock that `sleep` advances.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createFaultInjector,
  createManualClock,
  createPrefetchBackend,
  createUcdnHandlers,
  DEMO_CREDENTIALS,
  type FaultInjector,
  type ManualClock,
  type PrefetchBackend,
  type PrefetchTaskSeed,
} from '@scloud/ucdn-mock'
import type { SetupServer } from 'msw/node'
import type { Io, OutputStream } from '../src/io.js'
import { run } from '../src/run.js'
import { runUcdn } from '../src/run-ucdn.js'

export const BASE_URL = 'https://api.test.scloud.example'
/** 2026-01-31 08:00:00 UTC, "now" in every contract test. */
export const T0 = Date.UTC(2026, 0, 31, 8, 0, 0)
export const HOUR = 3_600_000
export const DAY = 24 * HOUR

/** Tasks relative to T0: one done, one failed, one in flight, one older than a day, one DCDN. */
export const SEEDS: readonly PrefetchTaskSeed[] = [
  {
    taskId: 'tDone',
    createdAt: T0 - 2 * HOUR,
    urls: [
      { url: 'https://cdn.example.com/a.js', waitMs: 0, processMs: 1_000 },
      { url: 'https://cdn.example.com/b.css', waitMs: 0, processMs: 2_000 },
    ],
  },
  {
    taskId: 'tFail',
    createdAt: T0 - HOUR,
    urls: [
      { url: 'https://cdn.example.com/ok.png', waitMs: 0, processMs: 1_000 },
      { url: 'https://cdn.example.com/gone.png', waitMs: 0, processMs: 1_000, outcome: 'failure' },
    ],
  },
  {
    taskId: 'tBusy',
    createdAt: T0 - 5_000,
    urls: [
      { url: 'https://cdn.example.com/video.mp4', waitMs: 1_000, processMs: 20_000 },
      { url: 'https://cdn.example.com/poster.jpg', waitMs: 2_000, processMs: 4_000 },
    ],
  },
  {
    taskId: 'tOld',
    createdAt: T0 - 3 * DAY,
    urls: [{ url: 'https://cdn.example.com/old.html', processMs: 1_000 }],
  },
  {
    taskId: 'tDcdn',
    createdAt: T0 - 30 * 60_000,
    isDcdn: true,
    urls: [{ url: 'https://site.example.com/', waitMs: 0, processMs: 1_000 }],
  },
]

export class Capture implements OutputStream {
  text = ''
  constructor(
    readonly isTTY = false,
    readonly columns?: number,
  ) {}
  write(chunk: string): boolean {
    this.text += chunk
    return true
  }
}

export interface World {
  readonly clock: ManualClock
  readonly backend: PrefetchBackend
  readonly faults: FaultInjector
}

/** A fresh mock API on `server`, with SEEDS (or `seeds`) at T0. */
export function useWorld(server: SetupServer, seeds: readonly PrefetchTaskSeed[] = SEEDS): World {
  const clock = createManualClock(T0)
  const backend = createPrefetchBackend({ clock, tasks: seeds })
  const faults = createFaultInjector()
  server.use(...createUcdnHandlers({ baseUrl: BASE_URL, backend, faults }))
  return { clock, backend, faults }
}

export interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

export interface RunOptions {
  /** Replaces variables of the default environment; `undefined` removes one. */
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly tty?: boolean
  readonly columns?: number
  readonly signal?: AbortSignal
  readonly fetch?: typeof fetch
  /** Replaces the default sleep (which advances `clock`). */
  readonly sleep?: Io['sleep']
  /** Runs `ucdn` instead of `ucdn-prefetch`. */
  readonly ucdn?: boolean
}

/** An empty HOME, so no real ~/.ucloud/credential.json is ever read. */
export const EMPTY_HOME = mkdtempSync(join(tmpdir(), 'ucdn-prefetch-home-'))

/** The demo key pair, the mock's URL, UTC, an empty HOME: a machine set up for the mock API. */
export const MOCK_ENV: Readonly<Record<string, string>> = {
  UCLOUD_PUBLIC_KEY: DEMO_CREDENTIALS.publicKey,
  UCLOUD_PRIVATE_KEY: DEMO_CREDENTIALS.privateKey,
  UCLOUD_API_BASE_URL: BASE_URL,
  HOME: EMPTY_HOME,
  TZ: 'UTC',
}

/** Runs the CLI in-process; `sleep` moves `clock` instead of waiting. */
export async function runCli(
  argv: readonly string[],
  clock: ManualClock,
  options: RunOptions = {},
): Promise<CliResult> {
  const stdout = new Capture(options.tty ?? false, options.columns)
  const stderr = new Capture(false)
  const env: Record<string, string | undefined> = { ...MOCK_ENV, ...options.env }
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key]
  const io: Io = {
    stdout,
    stderr,
    env,
    now: () => clock.now(),
    sleep:
      options.sleep ??
      (async (ms, signal) => {
        signal?.throwIfAborted()
        clock.advance(Math.round(ms))
      }),
    signal: options.signal,
    fetch: options.fetch,
  }
  const code = await (options.ucdn ? runUcdn : run)(argv, io)
  return { code, stdout: stdout.text, stderr: stderr.text }
}

/** The lines of `text`, without the final empty one. */
export function lines(text: string): string[] {
  return text.replace(/\n$/, '').split('\n')
}
