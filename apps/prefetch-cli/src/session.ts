// What every API command shares around its own work: output scrubbed of the private key, the connection (or
// the demo API) opened and closed, and any error turned into one line and an exit code.
import { type CacheApi, createCacheApi } from './cache-api.js'
import { type Connection, connect } from './connect.js'
import { interruption } from './interruption.js'
import type { Io } from './io.js'
import type { ConnectionOptions } from './options.js'
import { printable } from './printable.js'
import { RedactingStream } from './redact.js'
import { reportError } from './report-error.js'

export { reportError }

/** What a command body gets: the API, whether it is the demo, and the scrubbed streams. */
export interface Session {
  readonly api: CacheApi
  readonly demo: boolean
  readonly io: Io
}

export async function withSession(
  name: string,
  options: ConnectionOptions,
  io: Io,
  body: (session: Session) => Promise<number>,
): Promise<number> {
  const stdout = new RedactingStream(io.stdout)
  const stderr = new RedactingStream(io.stderr)
  const scrubbed: Io = { ...io, stdout, stderr }
  let connection: Connection | undefined
  try {
    connection = await connect(options, io, {
      notice: (line) => {
        if (!options.quiet) stderr.write(`${line}\n`)
      },
      secret: (value) => {
        stdout.addSecret(value)
        stderr.addSecret(value)
      },
      // The SDK's debug lines may carry what the server sent (a request id header, a Message).
      logger: options.verbose
        ? { debug: (message) => stderr.write(`debug: ${printable(message)}\n`) }
        : undefined,
    })
    return await body({ api: createCacheApi(connection.client), demo: connection.demo, io: scrubbed })
  } catch (error) {
    return reportError(interruption(io.signal) ?? error, options.verbose, name, scrubbed)
  } finally {
    // A failure to close must not hide the answer; the process exits either way.
    await connection?.close().catch(() => {})
  }
}
