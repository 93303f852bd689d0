/// <reference types="node" />
import { type CredentialProvider, type Credentials, fromStatic } from '../credentials.js'
import { CredentialsError } from '../credentials-error.js'
import { ENV_PRIVATE_KEY, ENV_PUBLIC_KEY, type Environment, fromEnv } from '../from-env.js'
import {
  checkProviderOptions,
  fromSharedFile,
  resolveSharedFile,
  SHARED_FILE_OPTIONS,
} from './from-shared-file.js'

export interface DefaultCredentialProviderOptions {
  /** Explicit credentials: used as given, nothing else is consulted. */
  readonly credentials?: Credentials | CredentialProvider
  /** The shared-file profile; else `UCLOUD_PROFILE`, else `default`. */
  readonly profile?: string
  /** The shared credential file; else `UCLOUD_SHARED_CREDENTIAL_FILE`, else `~/.ucloud/credential.json`. */
  readonly path?: string
  /** Where `UCLOUD_*` variables are read; defaults to `process.env`. */
  readonly env?: Environment
}

const DEFAULT_CHAIN_OPTIONS = {
  ...SHARED_FILE_OPTIONS,
  credentials: [
    'credentials ({ publicKey, privateKey }) or a provider function',
    (v: unknown) => (typeof v === 'object' && v !== null) || typeof v === 'function',
  ],
} as const

/**
 * The credential chain of UCloud-compatible tools: explicit credentials, else the environment
 * (`UCLOUD_PUBLIC_KEY`/`UCLOUD_PRIVATE_KEY`), else the shared credential file. A source that has nothing
 * passes to the next; a source that is misconfigured (half-set variables, a malformed file) fails at once
 * rather than being silently skipped. Naming a profile (the `profile` option or `UCLOUD_PROFILE`) asks for
 * that profile's keys: the environment's keys are then not used, so keys and the profile's project or endpoint
 * never come from different places.
 *
 * The first credentials found are kept for the provider's lifetime; a failed lookup is retried on the
 * next call. When no source has credentials the error (`CREDENTIALS_NOT_FOUND`) names every place it
 * looked.
 */
export function defaultCredentialProvider(
  options: DefaultCredentialProviderOptions = {},
): CredentialProvider {
  checkProviderOptions('defaultCredentialProvider', options, DEFAULT_CHAIN_OPTIONS)
  const explicit = options.credentials
  if (explicit !== undefined) return typeof explicit === 'function' ? explicit : fromStatic(explicit)
  let cached: Promise<Credentials> | undefined
  return () => {
    cached ??= resolveChain(options).catch((error: unknown) => {
      cached = undefined
      throw error
    })
    return cached
  }
}

async function resolveChain(options: DefaultCredentialProviderOptions): Promise<Credentials> {
  const looked: string[] = ['explicit credentials (none given)']
  const { path, profile, named } = resolveSharedFile(options)
  if (named) {
    looked.push(
      `not ${ENV_PUBLIC_KEY} and ${ENV_PRIVATE_KEY} (profile "${profile}" was named, so only its keys count)`,
    )
  } else {
    try {
      return await fromEnv(options.env)()
    } catch (error) {
      if (!isNotFound(error)) throw error
      looked.push(`environment variables ${ENV_PUBLIC_KEY} and ${ENV_PRIVATE_KEY} (neither is set)`)
    }
  }
  try {
    return await fromSharedFile({ path, profile, env: options.env })()
  } catch (error) {
    if (!isNotFound(error)) throw error
    // The file provider's own message names the file and the profile: reuse it as a clause.
    looked.push(error.message.charAt(0).toLowerCase() + error.message.slice(1).replace(/\.$/, ''))
  }
  const fix = named
    ? `Add profile "${profile}" to the shared credential file`
    : `Set ${ENV_PUBLIC_KEY} and ${ENV_PRIVATE_KEY}, or create the shared credential file`
  throw new CredentialsError(
    'CREDENTIALS_NOT_FOUND',
    `No SCloud credentials found. Looked for ${looked.join('; ')}. ${fix}, or pass credentials explicitly.`,
  )
}

function isNotFound(error: unknown): error is CredentialsError {
  return error instanceof CredentialsError && error.code === 'CREDENTIALS_NOT_FOUND'
}
