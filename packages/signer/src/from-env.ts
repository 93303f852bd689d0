import { type CredentialProvider, createCredentials } from './credentials.js'
import { CredentialsError } from './credentials-error.js'

/** The variables every UCloud-compatible tool reads (PROTOCOL.md, "Configuration conventions"). */
export const ENV_PUBLIC_KEY = 'UCLOUD_PUBLIC_KEY'
export const ENV_PRIVATE_KEY = 'UCLOUD_PRIVATE_KEY'

/** A set of environment variables: `process.env`, or any object of the same shape. */
export type Environment = Readonly<Record<string, string | undefined>>

/**
 * Credentials from `UCLOUD_PUBLIC_KEY` and `UCLOUD_PRIVATE_KEY`, read on every call. An empty variable
 * counts as unset.
 *
 * The provider rejects with a {@link CredentialsError}: `CREDENTIALS_NOT_FOUND` when neither is set (or
 * there is no environment, as in a browser), so a chain can move on; `CREDENTIALS_INCOMPLETE`, naming the
 * missing variable, when only one is set, which is a mistake to fix rather than a reason to look
 * elsewhere; `CREDENTIALS_INVALID` for a key with surrounding whitespace.
 *
 * @param env where to read the variables; defaults to `process.env` where there is one.
 */
export function fromEnv(env: Environment | undefined = defaultEnvironment()): CredentialProvider {
  if (env !== undefined && (typeof env !== 'object' || env === null)) {
    throw new TypeError(
      `fromEnv: env must be an object of environment variables, got ${env === null ? 'null' : typeof env}.`,
    )
  }
  return async () => {
    const publicKey = env?.[ENV_PUBLIC_KEY] || undefined
    const privateKey = env?.[ENV_PRIVATE_KEY] || undefined
    if (publicKey === undefined && privateKey === undefined) {
      throw new CredentialsError(
        'CREDENTIALS_NOT_FOUND',
        env === undefined
          ? `No environment variables to read ${ENV_PUBLIC_KEY} and ${ENV_PRIVATE_KEY} from in this runtime.`
          : `Neither ${ENV_PUBLIC_KEY} nor ${ENV_PRIVATE_KEY} is set.`,
      )
    }
    if (publicKey === undefined || privateKey === undefined) {
      const [set, missing] =
        publicKey === undefined ? [ENV_PRIVATE_KEY, ENV_PUBLIC_KEY] : [ENV_PUBLIC_KEY, ENV_PRIVATE_KEY]
      throw new CredentialsError(
        'CREDENTIALS_INCOMPLETE',
        `${set} is set but ${missing} is not; set both, or neither to use another credential source.`,
      )
    }
    return createCredentials(publicKey, privateKey, {
      publicKey: `The environment variable ${ENV_PUBLIC_KEY}`,
      privateKey: `The environment variable ${ENV_PRIVATE_KEY}`,
    })
  }
}

/** `process.env` when the runtime has one (Node, Deno, Bun), undefined in browsers; no `node:` import. */
export function defaultEnvironment(): Environment | undefined {
  return (globalThis as { process?: { env?: Environment } }).process?.env
}
