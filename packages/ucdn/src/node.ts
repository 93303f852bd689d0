// @scloud/ucdn/node: Node-only extras. Everything else comes from '@scloud/ucdn'.

export type { Transport } from './transport/types.js'
export type { UndiciFetchOptions } from './transport/undici-fetch.js'
export { createUndiciTransport } from './transport/undici-fetch.js'
