// The public API of @scloud/ucdn-client, by name. Everything under ./generated is produced by `pnpm generate`.

export type { DescribeNewUcdnPrefetchCacheTaskOperationRequest } from './generated/apis/PrefetchApi.js'
export { PrefetchApi } from './generated/apis/PrefetchApi.js'
export type { DescribeNewUcdnPrefetchCacheTaskRequest } from './generated/models/DescribeNewUcdnPrefetchCacheTaskRequest.js'
export {
  DescribeNewUcdnPrefetchCacheTaskRequestActionEnum,
  DescribeNewUcdnPrefetchCacheTaskRequestFromJSON,
  DescribeNewUcdnPrefetchCacheTaskRequestToJSON,
} from './generated/models/DescribeNewUcdnPrefetchCacheTaskRequest.js'
export type { DescribeNewUcdnPrefetchCacheTaskResponse } from './generated/models/DescribeNewUcdnPrefetchCacheTaskResponse.js'
export {
  DescribeNewUcdnPrefetchCacheTaskResponseFromJSON,
  DescribeNewUcdnPrefetchCacheTaskResponseToJSON,
} from './generated/models/DescribeNewUcdnPrefetchCacheTaskResponse.js'
export { PrefetchStatus } from './generated/models/PrefetchStatus.js'
export type { RetCode } from './generated/models/RetCode.js'
export type { TaskInfo } from './generated/models/TaskInfo.js'
export { TaskInfoFromJSON } from './generated/models/TaskInfo.js'
export type { UrlProgressInfo } from './generated/models/UrlProgressInfo.js'
export { UrlProgressInfoFromJSON } from './generated/models/UrlProgressInfo.js'
export type {
  ApiResponse,
  ConfigurationParameters,
  ErrorContext,
  FetchAPI,
  FetchParams,
  HTTPBody,
  HTTPHeaders,
  HTTPMethod,
  HTTPQuery,
  HTTPRequestInit,
  InitOverrideFunction,
  Json,
  Middleware,
  RequestContext,
  RequestOpts,
  ResponseContext,
} from './generated/runtime.js'
export {
  BASE_PATH,
  BaseAPI,
  Configuration,
  FetchError,
  RequiredError,
  ResponseError,
} from './generated/runtime.js'
