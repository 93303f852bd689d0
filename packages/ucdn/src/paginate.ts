// One generic Offset/Limit paginator; paginatePrefetchTasks is a thin wrapper on it.

/** What the paginator needs from one page. */
export interface OffsetPage<P> {
  readonly page: P
  /** Items in this page. */
  readonly itemCount: number
  /** Items over all pages, when the API says. */
  readonly totalCount: number | undefined
}

export interface OffsetPaginationOptions<P> {
  readonly startOffset: number
  readonly pageSize: number
  /** Pages in flight at once after the first. */
  readonly concurrency: number
  /** Hard bound on pages, for an API that never sends a short page or a TotalCount. */
  readonly maxPages: number
  readonly signal?: AbortSignal | undefined
  /**
   * Drops the items of `page` already yielded and says how many are new. A list that grows at its head while it
   * is walked (newest first) shifts later pages, repeating items: that is how a shift is noticed.
   */
  readonly dedupe?: ((page: P) => { readonly page: P; readonly fresh: number }) | undefined
}

/** Consecutive full pages with no new item (by `dedupe`) after which the walk stops. */
export const MAX_STALE_PAGES = 2

export type FetchOffsetPage<P> = (
  offset: number,
  limit: number,
  signal: AbortSignal,
) => Promise<OffsetPage<P>>

/**
 * Yields pages in order. Stops after a short (or empty) page, or once the first page's total is reached: a total
 * that grows later is ignored and one that shrinks stops earlier, so a lying TotalCount cannot make it loop. When
 * `dedupe` shows the list shifted under the walk (repeated items), it goes past that bound while full pages bring
 * new items, so an item that existed all along is not lost; repeated items are not yielded again.
 * With a known total, up to `concurrency` pages after the first are in flight at once; a finished page frees its
 * slot at once, even if an earlier page is still loading (at most 2 × `concurrency` pages are held ahead of the
 * one to yield). An error, or the consumer breaking out, aborts every page still in flight. Empty pages after
 * the first are not yielded. With `dedupe`, {@link MAX_STALE_PAGES} full pages in a row that bring nothing new end
 * the walk: an API that ignores Offset costs a few requests, not `maxPages`.
 */
export async function* paginateByOffset<P>(
  fetchPage: FetchOffsetPage<P>,
  options: OffsetPaginationOptions<P>,
): AsyncGenerator<P, void, undefined> {
  const { startOffset, pageSize, maxPages } = options
  const controller = new AbortController()
  const parent = options.signal
  // One listener per walk, removed when the walk ends.
  const stop = () => controller.abort(parent?.reason)
  parent?.addEventListener('abort', stop, { once: true })
  const unsubscribe = parent && (() => parent.removeEventListener('abort', stop))
  if (parent?.aborted) controller.abort(parent.reason)
  const pages = new Map<number, Promise<OffsetPage<P>>>()
  let inFlight = 0
  try {
    const first = await fetchPage(startOffset, pageSize, controller.signal)
    const pagesFor = (total: number) => Math.ceil((total - startOffset) / pageSize)
    // A short first page is the only page; else the first TotalCount bounds the walk.
    let pageLimit =
      first.itemCount < pageSize
        ? 1
        : first.totalCount === undefined
          ? maxPages
          : Math.min(maxPages, pagesFor(first.totalCount))
    // Without a total, pages past the end cannot be known in advance: fetch one at a time.
    const concurrency = first.totalCount === undefined ? 1 : options.concurrency
    let next = 1
    let head = 1
    const fill = () => {
      while (inFlight < concurrency && next < pageLimit && next - head < 2 * concurrency) {
        const index = next++
        inFlight++
        const request = fetchPage(startOffset + index * pageSize, pageSize, controller.signal)
        pages.set(index, request)
        request.then(
          (result) => {
            inFlight--
            // A short page ends the walk: launch nothing after it.
            if (result.itemCount < pageSize) pageLimit = Math.min(pageLimit, index + 1)
            fill()
          },
          () => {
            inFlight--
          },
        )
      }
    }
    let shifted = false
    let stalePages = 0
    const dedupe = (result: OffsetPage<P>) => {
      const out = options.dedupe?.(result.page) ?? { page: result.page, fresh: result.itemCount }
      if (out.fresh < result.itemCount) shifted = true
      return out
    }
    fill() // before yielding the first page, so the next pages load while the caller handles it
    yield dedupe(first).page
    for (; head < pageLimit; head++) {
      const request = pages.get(head)
      if (request === undefined) break
      const result = await request
      pages.delete(head)
      const { page, fresh } = dedupe(result)
      if (fresh > 0) yield page
      if (result.itemCount < pageSize) return
      // Full pages of nothing new: the API is not advancing (it ignores Offset, or serves one page forever).
      // Stop rather than spend up to maxPages requests; one such page alone can be a shift of a whole page.
      stalePages = fresh === 0 ? stalePages + 1 : 0
      if (stalePages >= MAX_STALE_PAGES) return
      if (result.totalCount !== undefined) pageLimit = Math.min(pageLimit, pagesFor(result.totalCount))
      // The list shifted under the walk: its last items moved past the bound. Go on, one page at a time, while
      // full pages bring new items (a growing TotalCount alone is not trusted).
      if (head + 1 === pageLimit && shifted && fresh > 0 && pageLimit < maxPages) pageLimit++
      fill()
    }
  } finally {
    unsubscribe?.()
    if (pages.size > 0) {
      for (const request of pages.values()) request.catch(() => {})
      controller.abort()
    }
  }
}
