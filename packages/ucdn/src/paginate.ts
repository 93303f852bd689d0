// One generic Offset/Limit paginator; paginatePrefetchTasks is a thin wrapper on it.

/** What the paginator needs from one page. */
export interface OffsetPage<P> {
  readonly page: P
  /** Items in this page. */
  readonly itemCount: number
  /** Items over all pages, when the API says. */
  readonly totalCount: number | undefined
}

export interface OffsetPaginationOptions {
  readonly startOffset: number
  readonly pageSize: number
  /** Pages in flight at once after the first. */
  readonly concurrency: number
  /** Hard bound on pages, for an API that never sends a short page or a TotalCount. */
  readonly maxPages: number
  readonly signal?: AbortSignal | undefined
}

export type FetchOffsetPage<P> = (
  offset: number,
  limit: number,
  signal: AbortSignal,
) => Promise<OffsetPage<P>>

/**
 * Yields pages in order. Stops after a short (or empty) page, or once the first page's total is reached: a total
 * that grows later is ignored and one that shrinks stops earlier, so a lying TotalCount cannot make it loop.
 * With a known total, up to `concurrency` pages after the first are fetched in parallel. An error, or the
 * consumer breaking out, aborts every page still in flight. Empty pages after the first are not yielded.
 */
export async function* paginateByOffset<P>(
  fetchPage: FetchOffsetPage<P>,
  options: OffsetPaginationOptions,
): AsyncGenerator<P, void, undefined> {
  const { startOffset, pageSize, maxPages } = options
  const controller = new AbortController()
  const parent = options.signal
  const onAbort = () => controller.abort(parent?.reason)
  if (parent?.aborted) controller.abort(parent.reason)
  else parent?.addEventListener('abort', onAbort, { once: true })
  const inFlight: Promise<OffsetPage<P>>[] = []
  try {
    const first = await fetchPage(startOffset, pageSize, controller.signal)
    yield first.page
    if (first.itemCount < pageSize) return
    const pagesFor = (total: number) => Math.ceil((total - startOffset) / pageSize)
    let pageLimit = first.totalCount === undefined ? maxPages : Math.min(maxPages, pagesFor(first.totalCount))
    // Without a total, pages past the end cannot be known in advance: fetch one at a time.
    const concurrency = first.totalCount === undefined ? 1 : options.concurrency
    let next = 1
    const fill = () => {
      while (inFlight.length < concurrency && next < pageLimit) {
        const request = fetchPage(startOffset + next * pageSize, pageSize, controller.signal)
        request.catch(() => {}) // observed in order below; this keeps an early rejection from going unhandled
        inFlight.push(request)
        next++
      }
    }
    fill()
    for (let head = inFlight.shift(); head !== undefined; head = inFlight.shift()) {
      const result = await head
      if (result.itemCount > 0) yield result.page
      if (result.itemCount < pageSize) return
      if (result.totalCount !== undefined) pageLimit = Math.min(pageLimit, pagesFor(result.totalCount))
      fill()
    }
  } finally {
    parent?.removeEventListener('abort', onAbort)
    if (inFlight.length > 0) controller.abort(new Error('Pagination stopped before this page was needed.'))
  }
}
