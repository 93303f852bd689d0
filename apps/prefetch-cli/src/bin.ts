#!/usr/bin/env node
import { setTimeout as delay } from 'node:timers/promises'
import { run } from './run.js'

// The first Ctrl-C stops cleanly (bars cleared, demo server closed, exit 130); a second one kills at once.
const controller = new AbortController()
process.once('SIGINT', () => controller.abort(new Error('Interrupted')))

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  now: () => Date.now(),
  sleep: (ms, signal) => delay(ms, undefined, { signal }),
  signal: controller.signal,
})
