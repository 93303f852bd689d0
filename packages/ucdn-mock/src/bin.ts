#!/usr/bin/env node
/// <reference types="node" />
import { runMockServerCli } from './node/cli.js'

const result = await runMockServerCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
})
if (typeof result === 'number') {
  process.exitCode = result
} else {
  const stop = () => {
    result.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
