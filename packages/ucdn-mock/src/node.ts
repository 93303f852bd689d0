// @scloud/ucdn-mock/node: the standalone server, for Node only.

export type { MockServer, MockServerOptions } from './node/server.js'
export { startMockServer } from './node/server.js'
