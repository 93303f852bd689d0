import { encodePrefetchQuery, PREFETCH_TASKS_PATH, REFRESH_TASKS_PATH } from './prefetch-query.js'
import { type PrefetchListing, type PrefetchSource, PrefetchSourceError } from './prefetch-source.js'
import { PREFETCH_SUBMIT_PATH, REFRESH_SUBMIT_PATH, type UrlProblem } from './submit-request.js'

export type LiveSourceOptions = {
  /** Default: the page's own origin, {@link PREFETCH_TASKS_PATH}. */
  readonly endpoint?: string
  /** Default: the page's own origin, {@link REFRESH_TASKS_PATH}. */
  readonly refreshEndpoint?: string
  /** The BFF's access token (needed when it listens beyond loopback), sent as `X-Dashboard-Token`. */
  readonly token?: string | undefined
  /** Default: the global `fetch`. */
  readonly fetch?: typeof fetch
}

/** Live mode: the page asks the BFF, which holds the credentials and calls the API. No key is in the page. */
export function createLiveSource(options: LiveSourceOptions = {}): PrefetchSource {
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init))
  const auth: Record<string, string> = options.token ? { 'X-Dashboard-Token': options.token } : {}
  const call = async (url: string, init: RequestInit): Promise<unknown> => {
    let response: Response
    try {
      response = await fetchFn(url, {
        ...init,
        headers: { Accept: 'application/json', ...auth, ...init.headers },
      })
    } catch (error) {
      if (init.signal?.aborted) throw error
      throw new PrefetchSourceError('NETWORK_ERROR', 'The dashboard’s server did not answer; is it running?')
    }
    const body: unknown = await response.json().catch(() => undefined)
    if (!response.ok) throw errorFromBody(body, response.status)
    return body
  }
  return {
    mode: 'live',
    description:
      'Live: tasks from the SCloud API, read by this site’s server (your keys stay on the server).',
    async list(filters, { signal, kind } = {}) {
      const endpoint =
        kind === 'refresh'
          ? (options.refreshEndpoint ?? REFRESH_TASKS_PATH)
          : (options.endpoint ?? PREFETCH_TASKS_PATH)
      const body = await call(`${endpoint}?${encodePrefetchQuery(filters)}`, { signal })
      if (!isListing(body)) throw invalidResponse()
      return body
    },
    async submit(request, { signal } = {}) {
      const path = request.kind === 'refresh' ? REFRESH_SUBMIT_PATH : PREFETCH_SUBMIT_PATH
      const payload =
        request.kind === 'refresh' ? { urls: request.urls, type: request.type } : { urls: request.urls }
      const body = await call(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
        signal,
      })
      if (
        !isRecord(body) ||
        !Array.isArray(body.taskIds) ||
        !body.taskIds.every((id) => typeof id === 'string')
      ) {
        throw invalidResponse()
      }
      return { taskIds: body.taskIds as string[] }
    },
  }
}

const invalidResponse = () =>
  new PrefetchSourceError(
    'INVALID_RESPONSE',
    'The dashboard’s server sent an answer the page does not understand.',
  )

function errorFromBody(body: unknown, status: number): PrefetchSourceError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {}
  const code = typeof error.code === 'string' ? error.code : `HTTP_${status}`
  const message =
    typeof error.message === 'string' ? error.message : `The dashboard’s server answered HTTP ${status}.`
  const requestId = typeof error.requestId === 'string' ? error.requestId : undefined
  const problems = Array.isArray(error.problems) ? error.problems.filter(isProblem) : []
  const submitted = Array.isArray(error.submittedTaskIds)
    ? error.submittedTaskIds.filter((id): id is string => typeof id === 'string')
    : []
  return new PrefetchSourceError(code, message, requestId, { problems, submittedTaskIds: submitted })
}

function isProblem(value: unknown): value is UrlProblem {
  return (
    isRecord(value) &&
    typeof value.line === 'number' &&
    typeof value.url === 'string' &&
    typeof value.problem === 'string'
  )
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
