/// <reference types="node" />
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { checkOptions, type OptionRule } from '../check-options.js'
import { type CredentialProvider, type Credentials, createCredentials } from '../credentials.js'
import { CredentialsError } from '../credentials-error.js'
import { defaultEnvironment, type Environment } from '../from-env.js'
import { pickSharedProfile, profileCount } from './shared-file.js'

export const ENV_PROFILE = 'UCLOUD_PROFILE'
export const ENV_SHARED_CREDENTIAL_FILE = 'UCLOUD_SHARED_CREDENTIAL_FILE'
export const DEFAULT_PROFILE = 'default'

/** The rules of {@link SharedFileOptions}, for {@link checkProviderOptions}. */
export const SHARED_FILE_OPTIONS: Readonly<Record<keyof SharedFileOptions, OptionRule>> = {
  profile: ['a string', (v) => typeof v === 'string'],
  path: ['a string', (v) => typeof v === 'string'],
  env: ['an object', (v) => typeof v === 'object' && v !== null],
}

export interface SharedFileOptions {
  /** The profile to use; else `UCLOUD_PROFILE`, else `default`. */
  readonly profile?: string
  /** The credential file; else `UCLOUD_SHARED_CREDENTIAL_FILE`, else `~/.ucloud/credential.json`. */
  readonly path?: string
  /** Where `UCLOUD_PROFILE` and `UCLOUD_SHARED_CREDENTIAL_FILE` are read; defaults to `process.env`. */
  readonly env?: Environment
}

/**
 * Credentials from the shared credential file UCloud tools write (`~/.ucloud/credential.json`, a JSON
 * array of `{ "public_key", "private_key", "profile" }`), read on every call.
 *
 * The provider rejects with a {@link CredentialsError}: `CREDENTIALS_NOT_FOUND` when the file does not
 * exist or has no entry for the profile (a chain moves on); `CREDENTIAL_FILE_INVALID`, naming the file,
 * when it cannot be read or is not that JSON shape; `CREDENTIALS_INVALID` for an unusable key. No error
 * quotes the file's content: it holds private keys.
 */
export function fromSharedFile(options: SharedFileOptions = {}): CredentialProvider {
  checkProviderOptions('fromSharedFile', options, SHARED_FILE_OPTIONS)
  return async () => {
    const { path, profile } = resolveSharedFile(options)
    if (path === undefined) {
      throw new CredentialsError(
        'CREDENTIALS_NOT_FOUND',
        `No shared credential file: the given env has no HOME (looked for profile "${profile}").`,
      )
    }
    return readProfile(path, profile)
  }
}

/**
 * The file and profile {@link fromSharedFile} reads, from its options and the environment; `named` when the
 * profile was asked for (option or `UCLOUD_PROFILE`) rather than defaulted. `~` is the home directory: `HOME`
 * (or `USERPROFILE`) of the `env` option when one is given, so a test passing `env` never reads a developer's
 * own file, else the OS home directory. No home at all: no file (`path` undefined).
 */
export function resolveSharedFile(options: SharedFileOptions = {}): {
  path: string | undefined
  profile: string
  named: boolean
} {
  const env = options.env ?? defaultEnvironment() ?? {}
  const named = options.profile || env[ENV_PROFILE] || undefined
  const home = options.env === undefined ? homedir() : env.HOME || env.USERPROFILE || undefined
  const given = options.path || env[ENV_SHARED_CREDENTIAL_FILE] || join('~', '.ucloud', 'credential.json')
  const path =
    given === '~' || given.startsWith('~/') || given.startsWith('~\\')
      ? home && join(home, given.slice(2))
      : given
  return { path, profile: named ?? DEFAULT_PROFILE, named: named !== undefined }
}

async function readProfile(path: string, profile: string): Promise<Credentials> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new CredentialsError(
        'CREDENTIALS_NOT_FOUND',
        `No shared credential file at ${path} (looked for profile "${profile}").`,
      )
    }
    throw invalidFile(path, `cannot be read (${typeof code === 'string' ? code : 'unknown error'})`)
  }
  const { entry, count } = pickSharedProfile(text, profile, CREDENTIAL_FILE, (problem) =>
    invalidFile(path, problem),
  )
  if (entry === undefined) {
    // Profile names are not listed: the file is not quoted at all, in case a key sits in the wrong field.
    throw new CredentialsError(
      'CREDENTIALS_NOT_FOUND',
      `The shared credential file ${path} has no profile "${profile}" (it has ${profileCount(count)}).`,
    )
  }
  const where = `of profile "${profile}" in the shared credential file ${path}`
  if (entry.public_key == null || entry.private_key == null) {
    const missing = entry.public_key == null ? 'public_key' : 'private_key'
    throw invalidFile(path, `has no "${missing}" for profile "${profile}"`)
  }
  return createCredentials(entry.public_key, entry.private_key, {
    publicKey: `The "public_key" ${where}`,
    privateKey: `The "private_key" ${where}`,
  })
}

const CREDENTIAL_FILE = { entries: '{ "public_key", "private_key", "profile" }' }

function invalidFile(path: string, problem: string): CredentialsError {
  return new CredentialsError(
    'CREDENTIAL_FILE_INVALID',
    `The shared credential file ${path} ${problem}; fix it or point ${ENV_SHARED_CREDENTIAL_FILE} elsewhere.`,
  )
}

/**
 * Checks a Node provider's options at once: CredentialsError `OPTION_INVALID` (source `config`) naming the option.
 * Values are never quoted, only their type: a key passed by mistake must not end up in a log.
 */
export function checkProviderOptions<T>(
  owner: string,
  options: T,
  rules: Readonly<Record<string, OptionRule>>,
): T {
  return checkOptions(options, {
    owner,
    rules,
    secret: true,
    error: (message, field) => new CredentialsError('OPTION_INVALID', message, { field, source: 'config' }),
  })
}
