// The code behind paginatePrefetchTasks and waitForPrefetchTasks, loaded as one module on first use: a bundler
// makes it one chunk, so an app that only describes ships neither the walk nor the poller.
export { pollPrefetchTasks } from './poll-prefetch-tasks.js'
export { walkPrefetchTasks } from './walk-prefetch-tasks.js'
