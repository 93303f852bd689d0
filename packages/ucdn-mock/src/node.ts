// @scloud/ucdn-mock/node: the standalone server and msw's Node server with our handlers, for Node only. Everything
// else is imported from `@scloud/ucdn-mock`; the types the signatures reach are re-exported so this entry stands alone.

export type {
  ActionAnswer,
  ActionRequest,
  ActionResult,
  AddFaultOptions,
  ApiRefusal,
  Clock,
  Domain,
  DomainQuota,
  DomainSeed,
  Fault,
  FaultHandle,
  FaultInjector,
  FaultRequest,
  JsonNumber,
  PrefetchBackend,
  PrefetchTask,
  PrefetchTaskSeed,
  PrefetchUrlSeed,
  ReceivedParams,
  RequestLogEntry,
  Sleep,
  SyncUcdnBackend,
  UcdnBackend,
  UcdnHandlersOptions,
  UrlPlan,
  WireScalar,
  WireValue,
} from './index.js'
export type { MockServer, MockServerOptions } from './node/server.js'
export { startMockServer } from './node/server.js'
export type { ServerLimits } from './node/server-limits.js'
export { DEFAULT_SERVER_LIMITS } from './node/server-limits.js'
export { setupUcdnServer } from './node/setup-ucdn-server.js'
