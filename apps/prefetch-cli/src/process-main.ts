// Wiring a command to the process: signals, closed pipes, the exit code. bin.ts and ucdn.ts are one line each.
import { setTimeout as delay } from 'node:timers/promises'
import { setFlagsFromString } from 'node:v8'
import { TERMINATED } from './interruption.js'
import type { Io } from './io.js'

/**
 * V8 flags of the CLI's own process. undici parses HTTP with a WebAssembly module (llhttp); V8 compiles it at once
 * with its baseline compiler and then optimises it again in the background, and a process that is done waits for
 * that second compilation before it exits: ~100 ms after the last answer of every command that called the API
 * (bench `startup`, the demo table). A command line makes a handful of requests, for which the baseline code is
 * ample, so the CLI keeps to it. Set before undici is loaded (it is imported on the first request).
 */
export const CLI_V8_FLAGS = '--liftoff-only'

export async function main(run: (argv: readonly string[], io: Io) => Promise<number>): Promise<void> {
  setFlagsFromString(CLI_V8_FLAGS)
  // The first Ctrl-C or SIGTERM stops cleanly (bars stopped and the cursor shown again, the demo server closed,
  // exit 130 or 143); a second Ctrl-C kills at once. Without a SIGTERM handler Node dies on the spot and a
  // watch leaves the terminal's cursor hidden.
  const controller = new AbortController()
  process.once('SIGINT', () => controller.abort(new Error('Interrupted')))
  process.once('SIGTERM', () => controller.abort(new Error(TERMINATED)))

  // `ucdn tasks | head` closes the pipe early: the reader has what it wanted, so stop quietly, no stack.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
      throw error
    })
  }

  process.exitCode = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    now: () => Date.now(),
    sleep: (ms, signal) => delay(ms, undefined, { signal }),
    signal: controller.signal,
  })
}
