// The Node-only API of @scloud/signer: credentials from the shared credential file, and the full chain.
// Everything else is imported from `@scloud/signer`.

// The types these signatures use, so Node-only callers need no second import for them.
export type { CredentialProvider, Credentials } from './credentials.js'
export type { Environment } from './from-env.js'
export type { DefaultCredentialProviderOptions } from './node/default-credential-provider.js'
export { defaultCredentialProvider } from './node/default-credential-provider.js'
export type { SharedFileOptions } from './node/from-shared-file.js'
export { fromSharedFile } from './node/from-shared-file.js'
