// prefetchUrls and refreshUrls: check every argument and URL first (nothing is sent when one is wrong), then
// submit in batches of the spec's per-call limit (submit-batches.ts).
import { PrefetchNewUcdnDomainCache, RefreshNewUcdnDomainCache, type RefreshType } from '@scloud/ucdn-client'
import { checkUrls } from './check-urls.js'
import { checkField, checkKnownOptions, isBoolean, isFunction, isNonEmpty, isSignal } from './input-error.js'
import { type SubmitDeps, submitInBatches } from './submit-batches.js'
import type { SubmitOptions, SubmitResult } from './types.js'
import { urlListRules } from './url-list-rules.js'

/** The pause between submit calls when `intervalMs` is not given: the API asks for one call per 10 s at most. */
export const DEFAULT_SUBMIT_INTERVAL_MS = 10_000

const SUBMIT_OPTIONS = Object.keys({
  signal: 1,
  intervalMs: 1,
  onProgress: 1,
  projectId: 1,
} satisfies Record<keyof SubmitOptions, 1>)

/** The refresh types, read off the spec's enum (`file`, `dir`, `m3u8`). */
const REFRESH_TYPES: readonly string[] = Object.values(
  (RefreshNewUcdnDomainCache.request as unknown as RefreshShape)._zod.def.shape.Type._zod.def.entries,
)
type RefreshShape = {
  _zod: { def: { shape: { Type: { _zod: { def: { entries: Record<string, string> } } } } } }
}

/** Warms the CDN's cache with `urls` (files): see `UcdnClient.prefetchUrls`. */
export async function prefetchUrls(
  deps: SubmitDeps,
  urls: readonly string[],
  options: (SubmitOptions & { readonly isDcdn?: boolean | undefined }) | undefined,
): Promise<SubmitResult> {
  const method = 'prefetchUrls'
  checkKnownOptions(options, method, [...SUBMIT_OPTIONS, 'isDcdn'])
  const isDcdn = checkField(options?.isDcdn, method, 'isDcdn', 'a boolean', isBoolean)
  const common = checkSubmitOptions(options, method)
  const operation = PrefetchNewUcdnDomainCache
  const { maxItems, pattern } = urlListRules(operation)
  const list = checkUrls(urls, { method, pattern })
  const { projectId } = common
  return submitInBatches(
    {
      ...common,
      method,
      operation,
      urls: list,
      batchSize: maxItems,
      params: (urlList) => ({
        urlList,
        ...(projectId && { projectId }),
        ...(isDcdn !== undefined && { isDcdn }),
      }),
    },
    deps,
  )
}

/** Marks cached `urls` expired (files, directories or HLS playlists): see `UcdnClient.refreshUrls`. */
export async function refreshUrls(
  deps: SubmitDeps,
  urls: readonly string[],
  options: (SubmitOptions & { readonly type?: RefreshType | undefined }) | undefined,
): Promise<SubmitResult> {
  const method = 'refreshUrls'
  checkKnownOptions(options, method, [...SUBMIT_OPTIONS, 'type'])
  const type =
    checkField(options?.type, method, 'type', `one of ${REFRESH_TYPES.join(', ')}`, (v) =>
      REFRESH_TYPES.includes(v as string),
    ) ?? 'file'
  const common = checkSubmitOptions(options, method)
  const operation = RefreshNewUcdnDomainCache
  const { maxItems, pattern } = urlListRules(operation)
  const list = checkUrls(urls, { method, pattern, dir: type === 'dir' })
  const { projectId } = common
  return submitInBatches(
    {
      ...common,
      method,
      operation,
      urls: list,
      batchSize: maxItems,
      params: (urlList) => ({ type, urlList, ...(projectId && { projectId }) }),
    },
    deps,
  )
}

/** The options both submits share, checked. */
function checkSubmitOptions(options: SubmitOptions | undefined, method: string) {
  const intervalMs = checkField(
    options?.intervalMs,
    method,
    'intervalMs',
    'a number of milliseconds ≥ 0',
    (v) => typeof v === 'number' && v >= 0 && Number.isFinite(v),
  )
  return {
    intervalMs: intervalMs ?? DEFAULT_SUBMIT_INTERVAL_MS,
    onProgress: checkField(options?.onProgress, method, 'onProgress', 'a function', isFunction),
    signal: checkField(options?.signal, method, 'signal', 'an AbortSignal', isSignal),
    projectId: checkField(options?.projectId, method, 'projectId', 'a non-empty string', isNonEmpty),
  }
}
