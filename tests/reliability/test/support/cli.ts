// Running the ucdn-prefetch CLI in-process (its `run(argv, io)`), with captured output and a manual clock.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Io, run } from '@scloud/ucdn-cli'
import type { ManualClock } from '@scloud/ucdn-mock'

export class Capture {
  text = ''
  readonly isTTY = false
  write(chunk: string): boolean {
    this.text += chunk
    return true
  }
}

export interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** An empty HOME, so no real ~/.ucloud/credential.json is read. */
export const EMPTY_HOME = mkdtempSync(join(tmpdir(), 'reliability-home-'))

/** Runs the CLI; `sleep` advances `clock` instead of waiting. `env` is the whole environment. */
export async function runCli(
  argv: readonly string[],
  clock: ManualClock,
  env: Readonly<Record<string, string | undefined>>,
): Promise<CliResult> {
  const stdout = new Capture()
  const stderr = new Capture()
  const io: Io = {
    stdout,
    stderr,
    env: { HOME: EMPTY_HOME, TZ: 'UTC', NO_COLOR: '1', ...env },
    now: () => clock.now(),
    sleep: async (ms, signal) => {
      signal?.throwIfAborted()
      clock.advance(Math.max(1, Math.round(ms)))
    },
  }
  const code = await run(argv, io)
  return { code, stdout: stdout.text, stderr: stderr.text }
}

/** The control characters (C0 but newline and tab, DEL, C1) in `text`: none belongs in terminal output. */
export function controlCharacters(text: string): string[] {
  return [...text].filter((char) => {
    const code = char.codePointAt(0)!
    return (code < 0x20 && char !== '\n' && char !== '\t') || (code >= 0x7f && code <= 0x9f)
  })
}
