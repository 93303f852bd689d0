// The public API of @scloud/signer, by name. Browser-safe: nothing reachable from here imports a `node:`
// module (file-based credentials are in `@scloud/signer/node`).

export { flattenParams } from './flatten-params.js'
export { signParams } from './sign-params.js'
export type { SigningErrorCode } from './signing-error.js'
export { SigningError } from './signing-error.js'
export { verifySignature } from './verify-signature.js'
