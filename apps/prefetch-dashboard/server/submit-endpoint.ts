import { isUcdnError } from '@scloud/ucdn'
import { type CacheActions, CacheActionUnavailableError } from '../src/cache-actions.js'
import { decodeSubmitBody, type SubmitKind, submitRequest } from '../src/submit-request.js'
import { type BffLogger, errorResponse } from './error-response.js'
import { type JsonResponse, jsonError } from './json-response.js'

export type SubmitEndpointDeps = {
  readonly cache: CacheActions | undefined
  readonly logger: BffLogger
}

/**
 * `POST /api/prefetch` `{ urls }` and `POST /api/refresh` `{ urls, type? }` → `200 { taskIds }`. The URLs are
 * checked here as the page checks them (400 with each bad line named), then submitted in one API call with the
 * server's keys. An outcome the SDK cannot know (the request went out, no answer came) keeps its code and says
 * which task ids were accepted, so the page does not invite a second submit.
 */
export async function handleSubmit(
  kind: SubmitKind,
  body: unknown,
  deps: SubmitEndpointDeps,
): Promise<JsonResponse> {
  const decoded = decodeSubmitBody(kind, body)
  if (!decoded.ok) {
    return jsonError(
      400,
      'INVALID_SUBMIT',
      decoded.message,
      decoded.problems ? { problems: decoded.problems } : {},
    )
  }
  try {
    if (deps.cache === undefined)
      throw new CacheActionUnavailableError(kind === 'refresh' ? 'refreshUrls' : 'prefetchUrls')
    const result = await submitRequest(deps.cache, decoded.request)
    return { status: 200, body: { taskIds: [...result.taskIds] } }
  } catch (error) {
    return submitError(error, deps.logger)
  }
}

export function submitError(error: unknown, logger: BffLogger): JsonResponse {
  if (error instanceof CacheActionUnavailableError) {
    return jsonError(501, error.code, error.message)
  }
  if (isUcdnError(error)) {
    // `submitted` is the contract's detail of a submit that failed part way (newer than this SDK's types).
    const detail = error as { submitted?: { taskIds?: unknown } }
    // The SDK's own URL check (the caller's input, not this server's setup): the person can fix it.
    if (error.code === 'INVALID_INPUT' && error.source === 'input' && error.field === 'urls') {
      return jsonError(400, 'INVALID_SUBMIT', error.message)
    }
    const answer = errorResponse(error, logger)
    const taskIds = detail.submitted?.taskIds
    if (!Array.isArray(taskIds)) return answer
    const body = answer.body as { error: Record<string, unknown> }
    return { ...answer, body: { error: { ...body.error, submittedTaskIds: taskIds } } }
  }
  return errorResponse(error, logger)
}
