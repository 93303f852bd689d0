/// <reference types="node" />
import { createRequire } from 'node:module'
import { parseArgs } from 'node:util'
import { DEMO_DOMAIN } from '../backend/cache-domains.js'
import { createDemoBackend } from '../backend/demo.js'
import { createFixtureBackend, FIXTURE_NAMES, type FixtureName } from '../backend/fixtures.js'
import { createPrefetchBackend } from '../backend/prefetch-backend.js'
import type { LoadedTaskSeed } from '../backend/task-list-seeds.js'
import type { UcdnBackend } from '../backend/ucdn-backend.js'
import { DEMO_CREDENTIALS } from '../credentials.js'
import { formatRequestLogLine } from './request-log.js'
import { type MockServer, startMockServer } from './server.js'
import { readTaskFile } from './task-file.js'

export const USAGE = `Usage: ucdn-mock-server [--port <n>] [--host <addr>] [--demo] [--tasks <file>] [--quiet]
       ucdn-mock-server --fixture reference

Serves a fake SCloud UCDN API on loopback, accepting requests signed with the demo key pair. Logs one line
per request to stderr (time, method, action, RetCode, ms; never a key or a signature).

  --port <n>        port to listen on (default 0: any free port; the URL is printed)
  --host <addr>     address to bind (default 127.0.0.1)
  --demo            serve the demo data set: 5 prefetch tasks finishing within about 30 s
  --tasks <file>    load tasks from a JSON file: a TaskList as DescribeNewUcdnPrefetchCacheTask answers it,
                    or the whole saved answer; a task with a Type is a refresh task (with --demo: added)
  --fixture <name>  answer every query with a fixture (${FIXTURE_NAMES.join(', ')}: the API reference's example)
  --quiet           no request log
  --version         print the version
  --help            print this help

Every server has the demo domain ${DEMO_DOMAIN.host} (${DEMO_DOMAIN.domainId}) for new prefetch and refresh tasks.
`

export type CliOutput = { readonly out: (text: string) => void; readonly err: (text: string) => void }

type Values = {
  port?: string
  host?: string
  demo?: boolean
  tasks?: string
  fixture?: string
  quiet?: boolean
  version?: boolean
  help?: boolean
}

/**
 * Runs `ucdn-mock-server` with `args`: starts the server and prints where it is and the demo credentials, or
 * prints help, the version or a usage error. Returns the running server, or the exit code when none was started.
 */
export async function runMockServerCli(
  args: readonly string[],
  output: CliOutput,
): Promise<MockServer<UcdnBackend> | number> {
  let values: Values
  try {
    values = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        demo: { type: 'boolean' },
        tasks: { type: 'string' },
        fixture: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        version: { type: 'boolean' },
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
  if (values.version) {
    output.out(`ucdn-mock-server ${packageVersion()}\n`)
    return 0
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!/^[0-9]+$/.test(values.port ?? '0') || port > 65_535) {
    return usageError(output, `--port must be a number from 0 to 65535, got ${values.port}.`)
  }
  if (values.fixture !== undefined && (values.demo || values.tasks !== undefined)) {
    return usageError(
      output,
      'Use --fixture alone: it answers every query the same, so --demo and --tasks have no place.',
    )
  }
  if (values.fixture !== undefined && !(FIXTURE_NAMES as readonly string[]).includes(values.fixture)) {
    return usageError(output, `Unknown fixture ${values.fixture}; known: ${FIXTURE_NAMES.join(', ')}.`)
  }
  const backend = chooseBackend(values)
  if (typeof backend === 'string') {
    output.err(`ucdn-mock-server: ${backend}\n`)
    return 2
  }

  let server: MockServer<UcdnBackend>
  try {
    server = await startMockServer<UcdnBackend>({
      port,
      host: values.host ?? '127.0.0.1',
      backend,
      ...(values.quiet ? {} : { onRequest: (entry) => output.err(formatRequestLogLine(entry, new Date())) }),
    })
  } catch (error) {
    output.err(`ucdn-mock-server: cannot start: ${(error as Error).message}\n`)
    return 1
  }
  output.out(banner(server.url, values))
  return server
}

/** The backend the flags ask for, or a problem (a task file that cannot be used). */
function chooseBackend(values: Values): UcdnBackend | string {
  if (values.fixture !== undefined) return createFixtureBackend(values.fixture as FixtureName)
  let seeds: LoadedTaskSeed[] = []
  if (values.tasks !== undefined) {
    const loaded = readTaskFile(values.tasks, Date.now())
    if (!loaded.ok) return `--tasks: ${loaded.problem}`
    seeds = loaded.seeds
  }
  try {
    const backend = values.demo ? createDemoBackend() : createPrefetchBackend()
    for (const seed of seeds) {
      if (seed.type === undefined) backend.addTask(seed)
      else backend.addRefreshTask(seed)
    }
    return backend
  } catch (error) {
    return `--tasks ${values.tasks}: ${(error as Error).message}`
  }
}

function banner(url: string, values: Values): string {
  const data = values.fixture
    ? `fixture ${values.fixture}`
    : [values.demo ? 'demo data' : '', values.tasks ? `tasks from ${values.tasks}` : '']
        .filter(Boolean)
        .join(' and ') || 'no tasks'
  const empty =
    data === 'no tasks'
      ? [
          'It has no tasks yet: start it with --demo for sample tasks, or --tasks FILE to load your own',
          `(a TaskList as DescribeNewUcdnPrefetchCacheTask answers it), or submit URLs of https://${DEMO_DOMAIN.host}/.`,
        ]
      : []
  return [
    `UCDN mock API listening on ${url} (${data})`,
    ...empty,
    'Demo credentials (public, accepted only by this mock):',
    `  UCLOUD_API_BASE_URL=${url}`,
    `  UCLOUD_PUBLIC_KEY=${DEMO_CREDENTIALS.publicKey}`,
    `  UCLOUD_PRIVATE_KEY=${DEMO_CREDENTIALS.privateKey}`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n')
}

function packageVersion(): string {
  // src/node/cli.ts and dist/node/cli.js both sit two levels below the package root.
  return (createRequire(import.meta.url)('../../package.json') as { version: string }).version
}

function usageError(output: CliOutput, message: string): number {
  output.err(`ucdn-mock-server: ${message}\n\n${USAGE}`)
  return 2
}
