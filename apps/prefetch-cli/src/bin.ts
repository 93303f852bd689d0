#!/usr/bin/env node
import { setTimeout as delay } from 'node:timers/promises'
import { run } from './run.js'

// The first Ctrl-C stops cleanly (bar stopped, demo server closed, exit 130); a second one kills at once.
const controller = new AbortController()
process.once('SIGINT', () => controller.abort(new Error('Interrupted')))

// `ucdn-prefetch | head` closes the pipe early: the reader has what it wanted, so stop quietly, no stack.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
}

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  now: () => Date.now(),
  sleep: (ms, signal) => delay(ms, undefined, { signal }),
  signal: controller.signal,
})
