// The Node-only API of @scloud/signer: credentials from the shared credential file, the full chain, and the
// reader of UCloud's shared files (which @scloud/ucdn uses for config.json). Everything else is imported from
// `@scloud/signer`.

// The types these signatures use, so Node-only callers need no second import for them.
export type { CredentialProvider, Credentials } from './credentials.js'
export type { Environment } from './from-env.js'
export type { DefaultCredentialProviderOptions } from './node/default-credential-provider.js'
export { defaultCredentialProvider } from './node/default-credential-provider.js'
export type { SharedFileOptions } from './node/from-shared-file.js'
export { fromSharedFile } from './node/from-shared-file.js'
export type { SharedFileFormat, SharedFileProfile } from './node/shared-file.js'
export { pickSharedProfile, profileCount } from './node/shared-file.js'
