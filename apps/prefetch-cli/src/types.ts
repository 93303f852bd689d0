// The SDK's task types, in one place so every renderer agrees on them.
export type { TaskInfo, UrlProgressInfo } from '@scloud/ucdn'
