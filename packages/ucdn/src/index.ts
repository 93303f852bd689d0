// The public API of @scloud/ucdn, by name. (The client lands once @scloud/signer's middleware is available.)

export type { TaskInfo, UrlProgressInfo } from '@scloud/ucdn-client'
export { PrefetchStatus } from '@scloud/ucdn-client'
export type { UcdnErrorDetails } from './errors.js'
export { isUcdnError, UcdnError, UcdnErrorCode } from './errors.js'
export type { PrefetchSummary, StatusCounts } from './summarize.js'
export { isTerminalStatus, summarizePrefetchTasks } from './summarize.js'
