// The public API of @scloud/ucdn, by name.

export type { CredentialProvider, Credentials } from '@scloud/signer'
export type { RefreshTaskInfo, TaskInfo, UrlProgressInfo } from '@scloud/ucdn-client'
export { PrefetchStatus } from '@scloud/ucdn-client/models/PrefetchStatus'
export { RefreshType } from '@scloud/ucdn-client/models/RefreshType'
export type {
  CacheQuota,
  RefreshTaskPage,
  SubmitOptions,
  SubmitProgress,
  SubmitResult,
} from './cache/types.js'
export type { CallOptions, CloseOptions, SendParams } from './client.js'
export { UcdnClient } from './client.js'
export type { Clock, Sleep, Timers } from './clock.js'
export type { UcdnClientOptions } from './config.js'
export { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './config.js'
export { DEFAULT_PAGE_SIZE } from './create-paginator.js'
export type { SubmittedUrls, UcdnErrorDetails, UcdnErrorSource } from './errors.js'
export { isUcdnError, UcdnError, UcdnErrorCode } from './errors.js'
export type { UcdnLogger } from './logger.js'
export { paginatePrefetchTasks, waitForPrefetchTasks } from './paginate-prefetch-tasks.js'
export type { SendResult } from './pipeline/pipeline.js'
export type {
  DescribePrefetchTasksParams,
  PaginatePrefetchTasksOptions,
  PaginatePrefetchTasksParams,
  PrefetchTaskPage,
  WaitForPrefetchTasksOptions,
} from './prefetch-tasks.js'
export type { BackoffOptions } from './retry-policy.js'
export { isRetryableRetCode } from './retry-policy.js'
export type { PrefetchSummary, PrefetchTaskSummary, StatusCounts } from './summarize.js'
export {
  isTaskFinished,
  isTerminalStatus,
  summarizePrefetchTask,
  summarizePrefetchTasks,
  urlProgress,
} from './summarize.js'
