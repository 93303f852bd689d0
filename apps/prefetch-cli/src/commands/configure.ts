// `ucdn configure`: the UCloud CLI's habit — keys in ~/.ucloud/credential.json, settings in config.json, both in
// the shared formats every UCloud-compatible tool reads (PROTOCOL.md), mode 0600.
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { CliError, UsageError } from '../errors.js'
import { ExitCode } from '../exit-codes.js'
import type { Io } from '../io.js'
import { quote } from '../printable.js'
import { readHidden, readPiped } from '../read-secret.js'
import type { ConfigureOptions } from '../ucdn-program.js'

interface CredentialEntry {
  public_key?: string
  private_key?: string
  profile?: string
  [key: string]: unknown
}

interface ConfigEntry {
  profile?: string
  project_id?: string
  base_url?: string
  active?: boolean
  [key: string]: unknown
}

export async function runConfigure(options: ConfigureOptions, io: Io): Promise<number> {
  const home = io.env.HOME
  const credentialFile =
    io.env.UCLOUD_SHARED_CREDENTIAL_FILE || (home && join(home, '.ucloud', 'credential.json'))
  const configFile = io.env.UCLOUD_SHARED_CONFIG_FILE || (home && join(home, '.ucloud', 'config.json'))
  if (!credentialFile || !configFile) {
    throw new CliError(
      'HOME is not set; set UCLOUD_SHARED_CREDENTIAL_FILE and UCLOUD_SHARED_CONFIG_FILE',
      ExitCode.ApiError,
    )
  }
  const profile = options.profile ?? (io.env.UCLOUD_PROFILE || 'default')
  const credentials = readArray<CredentialEntry>(credentialFile)
  if (credentials.some((entry) => (entry.profile ?? 'default') === profile) && !options.force) {
    throw new UsageError(
      `profile ${quote(profile)} already exists in ${credentialFile}; add --force to replace it`,
    )
  }
  const stdin = io.stdin
  const tty = stdin?.isTTY === true
  let publicKey = options.publicKey
  if (publicKey === undefined) {
    if (!tty || stdin === undefined)
      throw new UsageError('give --public-key when the private key is piped in')
    publicKey = (await readLine(stdin, io, 'Public key: ')).trim()
  }
  if (stdin === undefined) throw new UsageError('pipe the private key to stdin, or run on a terminal')
  const privateKey = (
    tty ? await readHidden(stdin, io.stderr, 'Private key (not shown): ', io.signal) : await readPiped(stdin)
  ).trim()
  if (publicKey === '') throw new UsageError('the public key is empty')
  if (privateKey === '' || /\s/.test(privateKey)) {
    throw new UsageError('the private key is empty or has spaces in it; give it on one line')
  }

  const entry: CredentialEntry = { public_key: publicKey, private_key: privateKey, profile }
  writePrivate(credentialFile, [...credentials.filter((e) => (e.profile ?? 'default') !== profile), entry])
  const configs = readArray<ConfigEntry>(configFile)
  const previous = configs.find((e) => (e.profile ?? 'default') === profile)
  const config: ConfigEntry = {
    ...previous,
    profile,
    ...(options.projectId === undefined ? {} : { project_id: options.projectId }),
    ...(options.baseUrl === undefined ? {} : { base_url: options.baseUrl }),
    active: previous?.active ?? !configs.some((e) => e.active === true),
  }
  writePrivate(configFile, [...configs.filter((e) => e !== previous), config])
  io.stderr.write(`Saved profile ${quote(profile)} to ${credentialFile} and ${configFile}.\n`)
  return ExitCode.Ok
}

async function readLine(stdin: NonNullable<Io['stdin']>, io: Io, prompt: string): Promise<string> {
  io.stderr.write(prompt)
  return new Promise((resolve) => {
    let text = ''
    const onData = (chunk: string | Uint8Array) => {
      text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
      const end = text.search(/[\r\n]/)
      if (end === -1) return
      stdin.off?.('data', onData)
      stdin.pause?.()
      resolve(text.slice(0, end))
    }
    stdin.setEncoding?.('utf8')
    stdin.on?.('data', onData)
    stdin.resume?.()
  })
}

function readArray<T>(file: string): T[] {
  if (!existsSync(file)) return []
  let value: unknown
  try {
    value = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    throw new CliError(
      `${file} is not valid JSON; fix or move it, then run ucdn configure again`,
      ExitCode.ApiError,
    )
  }
  if (!Array.isArray(value)) {
    throw new CliError(`${file} is not a JSON array of profiles; fix or move it first`, ExitCode.ApiError)
  }
  return value as T[]
}

/** Writes `value` to `file` with mode 0600 (the directory 0700), through a temporary file: never half written. */
function writePrivate(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, flag: 'wx' })
  renameSync(temporary, file)
  chmodSync(file, 0o600) // a file that existed keeps the new mode too
}
