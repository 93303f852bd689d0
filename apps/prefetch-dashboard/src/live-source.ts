import { encodePrefetchQuery, PREFETCH_TASKS_PATH } from './prefetch-query.js'
import { type PrefetchListing, type PrefetchSource, PrefetchSourceError } from './prefetch-source.js'

export type LiveSourceOptions = {
  /** Default: the page's own origin, {@link PREFETCH_TASKS_PATH}. */
  readonly endpoint?: string
  /** Default: the global `fetch`. */
  readonly fetch?: typeof fetch
}

/** Live mode: the page asks the BFF, which holds the credentials and calls the API. No key is in the page. */
export function createLiveSource(options: LiveSourceOptions = {}): PrefetchSource {
  const endpoint = options.endpoint ?? PREFETCH_TASKS_PATH
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init))
  return {
    mode: 'live',
    description:
      'Live: tasks from the SCloud API, read by this site’s server (your keys stay on the server).',
    async list(filters, { signal } = {}) {
      let response: Response
      try {
        response = await fetchFn(`${endpoint}?${encodePrefetchQuery(filters)}`, {
          headers: { Accept: 'application/json' },
          signal,
        })
      } catch (error) {
        if (signal?.aborted) throw error
        throw new PrefetchSourceError(
          'NETWORK_ERROR',
          'The dashboard’s server did not answer; is it running?',
        )
      }
      const body: unknown = await response.json().catch(() => undefined)
      if (!response.ok) throw errorFromBody(body, response.status)
      if (!isListing(body)) {
        throw new PrefetchSourceError(
          'INVALID_RESPONSE',
          'The dashboard’s server sent an answer the page does not understand.',
        )
      }
      return body
    },
  }
}

function errorFromBody(body: unknown, status: number): PrefetchSourceError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {}
  const code = typeof error.code === 'string' ? error.code : `HTTP_${status}`
  const message =
    typeof error.message === 'string' ? error.message : `The dashboard’s server answered HTTP ${status}.`
  const requestId = typeof error.requestId === 'string' ? error.requestId : undefined
  return new PrefetchSourceError(code, message, requestId)
}

function isListing(body: unknown): body is PrefetchListing {
  return (
    isRecord(body) &&
    Array.isArray(body.tasks) &&
    (body.tasks as unknown[]).every(isRecord) &&
    typeof body.totalCount === 'number' &&
    isSummary(body.summary)
  )
}

// The fields the summary line reads; anything else the server adds is ignored.
function isSummary(value: unknown): boolean {
  return (
    isRecord(value) &&
    isRecord(value.tasks) &&
    typeof value.tasks.total === 'number' &&
    isRecord(value.tasks.byStatus) &&
    isRecord(value.urls) &&
    typeof value.urls.total === 'number' &&
    typeof value.urls.done === 'number' &&
    typeof value.progress === 'number' &&
    typeof value.done === 'boolean' &&
    Array.isArray(value.failedUrls)
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
