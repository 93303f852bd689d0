// The public API of @scloud/ucdn-mock, by name. Browser-safe: nothing here imports a `node:` module
// (the standalone server is in `@scloud/ucdn-mock/node`).

export type { RequestLogEntry } from './answer-request.js'
export { ApiRefusal } from './backend/api-refusal.js'
export type { Domain, DomainQuota, DomainSeed } from './backend/cache-domains.js'
export { DEFAULT_DOMAIN_QUOTA, DEMO_DOMAIN } from './backend/cache-domains.js'
export { CACHE_RET_CODES } from './backend/cache-ret-codes.js'
export { combineBackends } from './backend/combine-backends.js'
export { createDemoBackend, DEMO_SETTLE_MS } from './backend/demo.js'
export type { FixtureBackend, FixtureName } from './backend/fixtures.js'
export { createFixtureBackend, createReferenceBackend, FIXTURE_NAMES } from './backend/fixtures.js'
export type { PrefetchBackend, PrefetchBackendOptions } from './backend/prefetch-backend.js'
export { createPrefetchBackend } from './backend/prefetch-backend.js'
export { REFERENCE_RESPONSE_EXAMPLE } from './backend/reference-example.js'
export type { PrefetchTask } from './backend/task-query.js'
export type { PrefetchTaskSeed, PrefetchUrlSeed } from './backend/task-store.js'
export { DEFAULT_PROJECT_ID, DEFAULT_URL_PLAN } from './backend/task-store.js'
export type {
  ActionAnswer,
  ActionRequest,
  ActionResult,
  SyncUcdnBackend,
  UcdnBackend,
} from './backend/ucdn-backend.js'
export type { UrlPlan } from './backend/url-progress.js'
export type { Clock, ManualClock } from './clock.js'
export { createManualClock, systemClock } from './clock.js'
export { DEMO_CREDENTIALS } from './credentials.js'
export type { UcdnMockErrorCode } from './errors.js'
export { UcdnMockError } from './errors.js'
export type {
  AddFaultOptions,
  Fault,
  FaultHandle,
  FaultInjector,
  FaultInjectorOptions,
  FaultRequest,
} from './faults.js'
export { createFaultInjector } from './faults.js'
export type { UcdnHandlersOptions } from './handlers.js'
export { createUcdnHandlers, DEFAULT_BASE_URL } from './handlers.js'
export type { JsonNumber, ReceivedParams, WireScalar, WireValue } from './read-params.js'
export { DEFAULT_MAX_BODY_BYTES } from './read-params.js'
export { REQUEST_ID_HEADER, RET_CODES } from './responses.js'
export type { Sleep } from './sleep.js'
