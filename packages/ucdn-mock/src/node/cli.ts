/// <reference types="node" />
import { parseArgs } from 'node:util'
import { createDemoBackend } from '../backend/demo.js'
import { createFixtureBackend, FIXTURE_NAMES, type FixtureName } from '../backend/fixtures.js'
import type { UcdnBackend } from '../backend/ucdn-backend.js'
import { DEMO_CREDENTIALS } from '../credentials.js'
import { type MockServer, startMockServer } from './server.js'

export const USAGE = `Usage: ucdn-mock-server [--port <n>] [--host <addr>] [--demo | --fixture reference]

Serves a fake SCloud UCDN API on loopback, accepting requests signed with the demo key pair.

  --port <n>        port to listen on (default 0: any free port; the URL is printed)
  --host <addr>     address to bind (default 127.0.0.1)
  --demo            serve the demo data set: 5 prefetch tasks finishing within about 30 s
  --fixture <name>  answer every query with a fixture (${FIXTURE_NAMES.join(', ')}: the API reference's example)
  --help            print this help
`

export type CliOutput = { readonly out: (text: string) => void; readonly err: (text: string) => void }

/**
 * Runs `ucdn-mock-server` with `args`: starts the server and prints where it is and the demo credentials, or
 * prints help or a usage error. Returns the running server, or the exit code when none was started.
 */
export async function runMockServerCli(
  args: readonly string[],
  output: CliOutput,
): Promise<MockServer<UcdnBackend> | number> {
  let values: { port?: string; host?: string; demo?: boolean; fixture?: string; help?: boolean }
  try {
    values = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        demo: { type: 'boolean' },
        fixture: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    return usageError(output, (error as Error).message)
  }
  if (values.help) {
    output.out(USAGE)
    return 0
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!/^[0-9]+$/.test(values.port ?? '0') || port > 65_535) {
    return usageError(output, `--port must be a number from 0 to 65535, got ${values.port}.`)
  }
  if (values.demo && values.fixture !== undefined)
    return usageError(output, 'Use --demo or --fixture, not both.')
  if (values.fixture !== undefined && !(FIXTURE_NAMES as readonly string[]).includes(values.fixture)) {
    return usageError(output, `Unknown fixture ${values.fixture}; known: ${FIXTURE_NAMES.join(', ')}.`)
  }
  const backend: UcdnBackend | undefined = values.demo
    ? createDemoBackend()
    : values.fixture === undefined
      ? undefined
      : createFixtureBackend(values.fixture as FixtureName)

  let server: MockServer<UcdnBackend>
  try {
    server = await startMockServer<UcdnBackend>({
      port,
      host: values.host ?? '127.0.0.1',
      ...(backend ? { backend } : {}),
    })
  } catch (error) {
    output.err(`ucdn-mock-server: cannot start: ${(error as Error).message}\n`)
    return 1
  }
  const data = values.demo ? 'demo data' : values.fixture ? `fixture ${values.fixture}` : 'no tasks'
  output.out(
    [
      `UCDN mock API listening on ${server.url} (${data})`,
      'Demo credentials (public, accepted only by this mock):',
      `  UCLOUD_API_BASE_URL=${server.url}`,
      `  UCLOUD_PUBLIC_KEY=${DEMO_CREDENTIALS.publicKey}`,
      `  UCLOUD_PRIVATE_KEY=${DEMO_CREDENTIALS.privateKey}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  )
  return server
}

function usageError(output: CliOutput, message: string): number {
  output.err(`ucdn-mock-server: ${message}\n\n${USAGE}`)
  return 2
}
