import { describe, expect, it } from 'vitest'
import {
  type FetchOffsetPage,
  MAX_STALE_PAGES,
  type OffsetPaginationOptions,
  paginateByOffset,
} from './paginate.js'

/** A fake API over `items` that records each request and can report a different TotalCount per call. */
function fakeApi(
  items: number,
  options: { totalCount?: (call: number) => number | undefined; gate?: boolean } = {},
) {
  const requests: { offset: number; limit: number; signal: AbortSignal }[] = []
  const releases: (() => void)[] = []
  let inFlight = 0
  let maxInFlight = 0
  const fetchPage: FetchOffsetPage<number[]> = async (offset, limit, signal) => {
    requests.push({ offset, limit, signal })
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    try {
      if (options.gate) {
        await new Promise<void>((resolve, reject) => {
          releases.push(resolve)
          signal.addEventListener('abort', () => reject(signal.reason), { once: true })
        })
      }
      const page = Array.from({ length: Math.max(0, Math.min(limit, items - offset)) }, (_, i) => offset + i)
      const totalCount = options.totalCount ? options.totalCount(requests.length) : items
      return { page, itemCount: page.length, totalCount }
    } finally {
      inFlight--
    }
  }
  return { fetchPage, requests, releases, maxInFlight: () => maxInFlight }
}

const base: OffsetPaginationOptions<number[]> = {
  startOffset: 0,
  pageSize: 10,
  concurrency: 1,
  maxPages: 1000,
}

async function collect<P>(pages: AsyncIterable<P>): Promise<P[]> {
  const out: P[] = []
  for await (const page of pages) out.push(page)
  return out
}

describe('paginateByOffset', () => {
  it('walks Offset/Limit pages until TotalCount', async () => {
    const api = fakeApi(25)
    const pages = await collect(paginateByOffset(api.fetchPage, base))
    expect(pages.flat()).toEqual(Array.from({ length: 25 }, (_, i) => i))
    expect(api.requests.map((r) => [r.offset, r.limit])).toEqual([
      [0, 10],
      [10, 10],
      [20, 10],
    ])
  })

  it('stops after exactly TotalCount without asking for an empty page', async () => {
    const api = fakeApi(20)
    await collect(paginateByOffset(api.fetchPage, base))
    expect(api.requests).toHaveLength(2)
  })

  it('starts at startOffset', async () => {
    const api = fakeApi(25)
    const pages = await collect(paginateByOffset(api.fetchPage, { ...base, startOffset: 15 }))
    expect(pages.flat()).toEqual(Array.from({ length: 10 }, (_, i) => 15 + i))
  })

  it('yields an empty first page once', async () => {
    const api = fakeApi(0)
    expect(await collect(paginateByOffset(api.fetchPage, base))).toEqual([[]])
  })

  it('stops on a short page even when TotalCount claims more', async () => {
    const api = fakeApi(15, { totalCount: () => 1000 })
    const pages = await collect(paginateByOffset(api.fetchPage, base))
    expect(pages.flat()).toHaveLength(15)
    expect(api.requests).toHaveLength(2)
  })

  it('is bounded by the first TotalCount when later pages claim a growing total', async () => {
    const api = fakeApi(1_000_000, { totalCount: (call) => 30 * call })
    const pages = await collect(paginateByOffset(api.fetchPage, base))
    expect(pages).toHaveLength(3)
    expect(api.requests).toHaveLength(3)
  })

  it('stops early when a later page reports a smaller total', async () => {
    const api = fakeApi(1000, { totalCount: (call) => (call === 1 ? 100 : 20) })
    const pages = await collect(paginateByOffset(api.fetchPage, base))
    expect(pages).toHaveLength(2)
  })

  it('without a TotalCount, goes on one page at a time until a short page, bounded by maxPages', async () => {
    const short = fakeApi(35, { totalCount: () => undefined })
    expect(await collect(paginateByOffset(short.fetchPage, { ...base, concurrency: 8 }))).toHaveLength(4)
    expect(short.maxInFlight()).toBe(1)
    const endless = fakeApi(Number.MAX_SAFE_INTEGER, { totalCount: () => undefined })
    expect(await collect(paginateByOffset(endless.fetchPage, { ...base, maxPages: 7 }))).toHaveLength(7)
  })

  it.each([1, 4])(
    'concurrency %i: a list that grows at its head during the walk loses nothing and repeats nothing',
    async (concurrency) => {
      // newest first: inserting at the head shifts every later page by one
      let list = Array.from({ length: 50 }, (_, i) => 49 - i)
      const fetchPage: FetchOffsetPage<number[]> = async (offset, limit) => {
        const page = list.slice(offset, offset + limit)
        return { page, itemCount: page.length, totalCount: list.length }
      }
      const seen = new Set<number>()
      const dedupe = (page: number[]) => {
        const fresh = page.filter((n) => !seen.has(n) && Boolean(seen.add(n)))
        return { page: fresh, fresh: fresh.length }
      }
      const out: number[] = []
      for await (const page of paginateByOffset(fetchPage, { ...base, concurrency, dedupe })) {
        if (out.length === 0) list = [100, ...list] // created while the caller handles page 1
        out.push(...page)
      }
      expect(out.filter((n) => n < 100).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 50 }, (_, i) => i),
      )
      expect(new Set(out).size).toBe(out.length)
    },
  )

  it('a stable list whose total is a multiple of the page size costs no extra request, with dedupe on', async () => {
    const api = fakeApi(30)
    const seen = new Set<number>()
    const dedupe = (page: number[]) => {
      const fresh = page.filter((n) => !seen.has(n) && Boolean(seen.add(n)))
      return { page: fresh, fresh: fresh.length }
    }
    await collect(paginateByOffset(api.fetchPage, { ...base, dedupe }))
    expect(api.requests).toHaveLength(3)
  })

  it('with concurrency, keeps at most that many pages in flight and still yields in order', async () => {
    const api = fakeApi(95, { gate: true })
    const iterator = paginateByOffset(api.fetchPage, { ...base, concurrency: 4 })
    const collected = collect(iterator)
    const tick = () => new Promise((resolve) => setImmediate(resolve))
    await tick()
    api.releases.shift()?.() // first page alone
    await tick()
    expect(api.requests).toHaveLength(5) // first + 4 in flight
    // the last of the four finishes first: its slot goes to the next page while page 2 is still loading
    api.releases.splice(3, 1)[0]?.()
    await tick()
    expect(api.requests).toHaveLength(6)
    while (api.releases.length > 0 || api.requests.length < 10) {
      api.releases.pop()?.() // always the latest first: the worst order for an in-order consumer
      await tick()
    }
    const pages = await collected
    expect(pages.flat()).toEqual(Array.from({ length: 95 }, (_, i) => i))
    expect(api.maxInFlight()).toBe(4)
    expect(api.requests).toHaveLength(10)
  })

  it('starts the next pages before handing out the first, so they load while the caller works', async () => {
    const api = fakeApi(95, { gate: true })
    const iterator = paginateByOffset(api.fetchPage, { ...base, concurrency: 3 })
    const first = iterator.next()
    await new Promise((resolve) => setImmediate(resolve))
    api.releases.shift()?.()
    expect((await first).value).toHaveLength(10)
    expect(api.requests).toHaveLength(4) // pages 2–4 already asked for, before the caller asked for page 2
    await iterator.return(undefined)
    expect(api.requests.slice(1).every((r) => r.signal.aborted)).toBe(true)
  })

  it('an error rejects the iteration and aborts the pages in flight', async () => {
    const requests: AbortSignal[] = []
    const fetchPage: FetchOffsetPage<number[]> = (offset, _limit, signal) => {
      requests.push(signal)
      if (offset === 0) return Promise.resolve({ page: [0], itemCount: 10, totalCount: 100 })
      if (offset === 10) return Promise.reject(new Error('page 2 failed'))
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)))
    }
    await expect(collect(paginateByOffset(fetchPage, { ...base, concurrency: 3 }))).rejects.toThrow(
      'page 2 failed',
    )
    expect(requests).toHaveLength(4)
    expect(requests.every((signal) => signal.aborted)).toBe(true)
  })

  it('breaking out of the loop aborts the pages in flight', async () => {
    const api = fakeApi(100, { gate: true })
    const tick = () => new Promise((resolve) => setImmediate(resolve))
    const run = (async () => {
      for await (const page of paginateByOffset(api.fetchPage, { ...base, concurrency: 3 })) {
        if (page[0] === 10) break
      }
    })()
    await tick()
    api.releases.shift()?.() // page 1
    await tick()
    api.releases.shift()?.() // page 2 (its slot goes to page 5): the loop breaks with pages 3–5 in flight
    await run
    expect(api.requests).toHaveLength(5)
    expect(api.requests.slice(2).every((r) => r.signal.aborted)).toBe(true)
  })

  it("the caller's signal aborts the requests in flight", async () => {
    const api = fakeApi(100, { gate: true })
    const controller = new AbortController()
    const collected = collect(paginateByOffset(api.fetchPage, { ...base, signal: controller.signal }))
    await new Promise((resolve) => setImmediate(resolve))
    controller.abort(new Error('stop'))
    await expect(collected).rejects.toThrow('stop')
    expect(api.requests[0]?.signal.aborted).toBe(true)
  })
})

describe('paginateByOffset against an API that does not advance', () => {
  // Ignores Offset: the same full page every time, with a huge TotalCount or none.
  const samePage = (totalCount: number | undefined) => {
    const requests: number[] = []
    const fetchPage: FetchOffsetPage<number[]> = async (offset) => {
      requests.push(offset)
      const page = Array.from({ length: 10 }, (_, i) => i)
      return { page, itemCount: page.length, totalCount }
    }
    return { fetchPage, requests }
  }
  const dedupeBySeen = () => {
    const seen = new Set<number>()
    return (page: number[]) => {
      const fresh = page.filter((n) => !seen.has(n))
      for (const n of fresh) seen.add(n)
      return { page: fresh, fresh: fresh.length }
    }
  }

  it.each([
    ['a huge TotalCount', 1e9],
    ['no TotalCount', undefined],
  ])('stops after %s and a few stale pages, not maxPages requests', async (_, totalCount) => {
    const api = samePage(totalCount)
    const pages = await collect(
      paginateByOffset(api.fetchPage, { ...base, maxPages: 10_000, dedupe: dedupeBySeen() }),
    )
    expect(pages.flat()).toEqual(Array.from({ length: 10 }, (_, i) => i))
    // The first page, then MAX_STALE_PAGES stale ones (plus what concurrency had in flight: none here).
    expect(api.requests).toHaveLength(1 + MAX_STALE_PAGES)
  })

  it('with concurrency, stops as soon as the stale pages arrive and aborts the rest', async () => {
    const api = samePage(1e9)
    const pages = await collect(
      paginateByOffset(api.fetchPage, { ...base, concurrency: 4, maxPages: 10_000, dedupe: dedupeBySeen() }),
    )
    expect(pages.flat()).toHaveLength(10)
    expect(api.requests.length).toBeLessThanOrEqual(1 + MAX_STALE_PAGES + 2 * 4)
  })

  it('one stale page (the list shifted by a whole page) does not end the walk', async () => {
    // Pages: 0-9, then 0-9 again (ten new items pushed everything down), then 10-19, then a short page.
    const served = [
      Array.from({ length: 10 }, (_, i) => i),
      Array.from({ length: 10 }, (_, i) => i),
      Array.from({ length: 10 }, (_, i) => 10 + i),
      [20],
    ]
    let call = 0
    const fetchPage: FetchOffsetPage<number[]> = async () => {
      const page = served[Math.min(call++, served.length - 1)]!
      return { page, itemCount: page.length, totalCount: undefined }
    }
    const pages = await collect(
      paginateByOffset(fetchPage, { ...base, maxPages: 100, dedupe: dedupeBySeen() }),
    )
    expect(pages.flat()).toEqual(Array.from({ length: 21 }, (_, i) => i))
  })
})
