// Pagination defaults, in a module of their own so the lazily loaded poller can use them without importing the
// checks (and with them the validator).

/** Tasks per page when `pageSize` is not given. */
export const DEFAULT_PAGE_SIZE = 100
/** Pages at most, whatever the API says, when `maxPages` is not given. */
export const DEFAULT_MAX_PAGES = 10_000
