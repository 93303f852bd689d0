// The code of every client method but describePrefetchTasks / paginatePrefetchTasks / send, loaded by client.ts
// with one import() on first use. One module rather than one per method: a code-splitting bundler makes a chunk
// for each set of entry points sharing code, so each extra lazy entry split the code every app loads at start
// into one more file (and gzip compresses files apart): four lazy entries made four files at start, one makes two.

export { DescribeNewUcdnRefreshCacheTask as REFRESH } from '@scloud/ucdn-client/operations/DescribeNewUcdnRefreshCacheTask'
export { getCacheQuota, isPrefetchEnabled } from './cache/cache-quota.js'
export { prefetchUrls, refreshUrls } from './cache/submit-urls.js'
export { waitForTasks } from './wait-for-tasks.js'
