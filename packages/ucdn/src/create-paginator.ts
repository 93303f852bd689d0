// One paginator for every operation the spec marks x-scloud-pagination: the request's offset/limit and the
// answer's list/total come from the descriptor, so a paginated action added to the spec pages with no new code.
import type { AnyOperation, OperationPagination } from '@scloud/ucdn-client'
import type { CallNaming, OperationCaller } from './caller.js'
import { invalidInput } from './invalid-input.js'
import { atLeast, checkCallOptions, SIGNAL } from './option-rules.js'
import type { SendResult } from './pipeline/pipeline.js'
import type { PaginatePrefetchTasksOptions } from './prefetch-tasks.js'

/** Items per request (Limit) when `pageSize` is not given. */
export const DEFAULT_PAGE_SIZE = 100
/** Pages at most, whatever the API says, when `maxPages` is not given. */
export const DEFAULT_MAX_PAGES = 10_000

/** Every option of a paginator (the type makes this list complete). */
const PAGINATOR_OPTION_RULES = {
  pageSize: atLeast(1),
  concurrency: atLeast(1),
  maxPages: atLeast(1),
  signal: SIGNAL,
} satisfies Record<keyof PaginatePrefetchTasksOptions, unknown>

export interface PaginatorNaming extends CallNaming {
  /** An item's identity: an item already yielded (the list shifted under the walk) is not yielded again. */
  readonly itemKey?: ((item: unknown) => string | undefined) | undefined
}

/**
 * Every page of `operation` matching `params`, in order (see paginateByOffset for the walk). Parameters and
 * options are checked at once: INVALID_INPUT is thrown by this call, before any request; each page is one call
 * with its own retries.
 */
export function createPaginator<O extends AnyOperation>(
  caller: OperationCaller,
  operation: O,
  params: unknown,
  options: PaginatePrefetchTasksOptions | undefined,
  naming: PaginatorNaming,
): AsyncGenerator<SendResult<O>, void, undefined> {
  const { method } = naming
  const pagination = operation.pagination
  if (pagination === undefined) throw new TypeError(`${operation.action} is not paginated.`)
  checkCallOptions(options, method, PAGINATOR_OPTION_RULES)
  const limitName = nameOf(operation, pagination.wire.limit, naming)
  const given = params as Record<string, unknown> | null | undefined
  if (given !== null && typeof given === 'object' && given[limitName] !== undefined) {
    throw invalidInput(
      `${method}: ${limitName} is not a parameter here; pass the page size as { pageSize } in the options.`,
      { field: limitName },
    )
  }
  const wire = caller.prepare(operation, params, naming)
  return walk(caller, operation, pagination, wire, naming, {
    pageSize: options?.pageSize ?? DEFAULT_PAGE_SIZE,
    concurrency: options?.concurrency ?? 1,
    maxPages: options?.maxPages ?? DEFAULT_MAX_PAGES,
    signal: options?.signal,
  })
}

/**
 * The pages of checked parameters; also the poller's walk. The walk's code loads with the first page: an app
 * that never pages (a browser bundle calling describePrefetchTasks) does not load it at start.
 */
export async function* walk<O extends AnyOperation>(
  caller: OperationCaller,
  operation: O,
  pagination: OperationPagination,
  wire: Readonly<Record<string, unknown>>,
  naming: Pick<PaginatorNaming, 'itemKey'>,
  options: Required<Omit<PaginatePrefetchTasksOptions, 'signal'>> & {
    readonly signal: AbortSignal | undefined
  },
): AsyncGenerator<SendResult<O>, void, undefined> {
  const { items, total } = pagination
  const itemsOf = (page: SendResult<O>) => ((page as Record<string, unknown>)[items] ?? []) as unknown[]
  const itemKey = naming.itemKey
  const yielded = new Set<string>()
  const { paginateByOffset } = await import('./paginate.js')
  yield* paginateByOffset<SendResult<O>>(
    async (offset, limit, signal) => {
      const paged = { ...wire, [pagination.wire.offset]: offset, [pagination.wire.limit]: limit }
      const page = await caller.execute(operation, paged, signal)
      const totalCount = (page as Record<string, unknown>)[total]
      return {
        page,
        itemCount: itemsOf(page).length,
        totalCount: typeof totalCount === 'number' ? totalCount : undefined,
      }
    },
    {
      startOffset: (wire[pagination.wire.offset] as number | undefined) ?? 0,
      pageSize: options.pageSize,
      concurrency: options.concurrency,
      maxPages: options.maxPages,
      signal: options.signal,
      dedupe:
        itemKey &&
        ((page) => {
          const all = itemsOf(page)
          const fresh = all.filter((item) => {
            const key = itemKey(item)
            return key === undefined || (!yielded.has(key) && yielded.add(key) !== undefined)
          })
          return {
            page: fresh.length === all.length ? page : ({ ...page, [items]: fresh } as SendResult<O>),
            fresh: fresh.length,
          }
        }),
    },
  )
}

function nameOf(operation: AnyOperation, wire: string, naming: CallNaming): string {
  return operation.fields.find((field) => field.wire === wire)?.[naming.names] ?? wire
}
