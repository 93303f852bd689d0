// The public API of @scloud/signer, by name. Browser-safe: nothing reachable from here imports a `node:`
// module (file-based credentials are in `@scloud/signer/node`).

export type { OptionRule, OptionsSpec } from './check-options.js'
export { checkOptions } from './check-options.js'
export type { CredentialProvider, Credentials } from './credentials.js'
export { fromStatic } from './credentials.js'
export type { CredentialsErrorCode } from './credentials-error.js'
export { CredentialsError } from './credentials-error.js'
export { flattenParams } from './flatten-params.js'
export type { Environment } from './from-env.js'
export { fromEnv } from './from-env.js'
export type { ScloudErrorOptions, ScloudErrorSource } from './scloud-error.js'
export { ScloudError } from './scloud-error.js'
export { signParams } from './sign-params.js'
export type { SigningErrorCode } from './signing-error.js'
export { SigningError } from './signing-error.js'
export { signingMiddleware } from './signing-middleware.js'
export { verifySignature } from './verify-signature.js'
