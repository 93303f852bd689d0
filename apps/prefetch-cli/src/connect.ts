import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { defaultCredentialProvider } from '@scloud/signer/node'
import type { Credentials } from '@scloud/ucdn'
import { UcdnClient, type UcdnLogger } from '@scloud/ucdn'
import { DEMO_NOTICE, FORCED_DEMO_NOTICE } from './demo-notices.js'
import { CliError } from './errors.js'
import { ExitCode } from './exit-codes.js'
import type { Io } from './io.js'
import type { ConnectionOptions } from './options.js'
import { VERSION } from './options.js'
import { quote } from './printable.js'

/** A client ready to call, and how to let go of it (keep-alive sockets, the demo server). */
export interface Connection {
  readonly client: UcdnClient
  /** True when the built-in demo API answers: its tasks (and their one failed URL) are made up. */
  readonly demo: boolean
  readonly close: () => Promise<void>
}

export interface ConnectHooks {
  /** One line for the user on stderr. */
  readonly notice: (line: string) => void
  /** Called with the private key as soon as it is known, so output can be scrubbed of it. */
  readonly secret: (value: string) => void
  readonly logger?: UcdnLogger | undefined
}

/**
 * Decides where to send requests. Credentials come from @scloud/signer's default chain (environment, then the
 * shared credential file, `--profile` choosing the profile). Only on a machine with no SCloud set-up at all
 * (CREDENTIALS_NOT_FOUND and none of the signs in liveIntent) does the built-in demo API answer instead. Any
 * other credential problem (a malformed file, half-set variables) is an error: guessing past it would show
 * made-up tasks to someone who meant to see their own.
 */
export async function connect(options: ConnectionOptions, io: Io, hooks: ConnectHooks): Promise<Connection> {
  if (options.mock) {
    hooks.notice(FORCED_DEMO_NOTICE)
    return connectDemo(options, io, hooks)
  }
  let credentials: Credentials
  try {
    credentials = await defaultCredentialProvider({
      profile: options.profile,
      env: io.env,
      path: sharedCredentialFile(io.env),
    })()
  } catch (error) {
    if (!isCredentialsNotFound(error)) throw error
    const intent = liveIntent(options, io.env, sharedCredentialFile(io.env))
    if (intent !== undefined) {
      const message = `${inCliTerms(error.message)}; ${intent}, so not using the demo API.`
      throw new CliError(message, ExitCode.ApiError, { cause: error })
    }
    hooks.notice(DEMO_NOTICE)
    return connectDemo(options, io, hooks)
  }
  hooks.secret(credentials.privateKey)
  const client = createClient(options, io, hooks, credentials, options.baseUrl, io.env)
  return { client, demo: false, close: () => client.close() }
}

async function connectDemo(options: ConnectionOptions, io: Io, hooks: ConnectHooks): Promise<Connection> {
  // The demo API (the mock, msw) is loaded only when it runs.
  const { startDemoApi } = await import('./mock-mode.js')
  const demo = await startDemoApi({ now: io.now })
  // The demo API knows nothing of the user's projects or settings: no environment, no shared config file.
  const client = createClient(options, io, hooks, demo.credentials, demo.baseUrl, {})
  return {
    client,
    demo: true,
    close: async () => {
      await client.close()
      await demo.close()
    },
  }
}

function createClient(
  options: ConnectionOptions,
  io: Io,
  hooks: ConnectHooks,
  credentials: Credentials,
  baseUrl: string | undefined,
  env: Io['env'],
): UcdnClient {
  return new UcdnClient({
    credentials,
    baseUrl,
    // The same profile picks the keys and the shared config file's base URL, project and timeout.
    profile: options.profile,
    projectId: options.projectId,
    timeoutMs: options.timeoutSeconds === undefined ? undefined : options.timeoutSeconds * 1000,
    env,
    fetch: io.fetch,
    clock: { now: io.now },
    sleep: io.sleep,
    logger: hooks.logger,
    userAgent: `ucdn-prefetch/${VERSION}`,
  })
}

/**
 * Where the shared credential file is. The signer finds `~` through os.homedir(); resolving it from the
 * injected environment keeps every input of run() in `io` (tests point HOME at an empty directory).
 */
function sharedCredentialFile(env: Io['env']): string | undefined {
  if (env.UCLOUD_SHARED_CREDENTIAL_FILE) return env.UCLOUD_SHARED_CREDENTIAL_FILE
  return env.HOME ? join(env.HOME, '.ucloud', 'credential.json') : undefined
}

/** Why the user evidently wants their real account, if they do: then made-up tasks would mislead. */
function liveIntent(
  options: ConnectionOptions,
  env: Io['env'],
  file: string | undefined,
): string | undefined {
  if (options.live) return '--live was given'
  if (options.profile !== undefined) return `--profile ${quote(options.profile)} was given`
  if (options.baseUrl !== undefined) return '--base-url was given'
  for (const name of ['UCLOUD_API_BASE_URL', 'UCLOUD_PROFILE', 'UCLOUD_SHARED_CREDENTIAL_FILE']) {
    if ((env[name] ?? '').trim() !== '') return `${name} is set`
  }
  // A credential file without the profile asked for: the machine is set up for SCloud, just not this way.
  if (file !== undefined && existsSync(file)) return `${file} exists`
  return undefined
}

/**
 * The signer's advice ends "or pass credentials explicitly": this tool takes no keys on its command line (they
 * would sit in the shell history), so point to the variables and the file `ucdn configure` writes instead.
 */
function inCliTerms(message: string): string {
  const base = message.replace(/,? or pass credentials explicitly\.?$/, '').replace(/\.$/, '')
  return `${base} (\`ucdn configure\` writes ~/.ucloud/credential.json)`
}

function isCredentialsNotFound(error: unknown): error is Error {
  return (
    error instanceof Error &&
    error.name === 'CredentialsError' &&
    (error as { code?: unknown }).code === 'CREDENTIALS_NOT_FOUND'
  )
}
