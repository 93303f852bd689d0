import type { UcdnClient } from '@scloud/ucdn'
import { listPrefetchTasks } from '../src/list-prefetch-tasks.js'
import { decodePrefetchQuery } from '../src/prefetch-query.js'
import { type BffLogger, errorResponse } from './error-response.js'
import { type JsonResponse, jsonError } from './json-response.js'

export type PrefetchEndpointDeps = {
  readonly ucdn: Pick<UcdnClient, 'paginatePrefetchTasks'>
  readonly logger: BffLogger
  readonly now?: () => number
}

/**
 * `GET /api/prefetch-tasks?status=&since=&until=` → `{ tasks, summary }`: the query is checked here (400 with
 * one sentence saying what to fix), the call goes out with the server's credentials, and only the tasks and
 * their summary come back. `signal` fires when the browser goes away.
 */
export async function handlePrefetchTasks(
  query: URLSearchParams,
  deps: PrefetchEndpointDeps,
  signal?: AbortSignal,
): Promise<JsonResponse> {
  const decoded = decodePrefetchQuery(query, (deps.now ?? Date.now)())
  if (!decoded.ok) return jsonError(400, 'INVALID_QUERY', decoded.message)
  try {
    const listing = await listPrefetchTasks(deps.ucdn, decoded.filters, { signal })
    return { status: 200, body: listing }
  } catch (error) {
    return errorResponse(error, deps.logger)
  }
}
