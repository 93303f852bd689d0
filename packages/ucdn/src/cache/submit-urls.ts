// prefetchUrls and refreshUrls: check every argument and URL first (nothing is sent when one is wrong), then
// submit in batches of the spec's per-call limit (submit-batches.ts).
import type { OptionRule } from '@scloud/signer'
import type { RefreshType } from '@scloud/ucdn-client/models/RefreshType'
import { PrefetchNewUcdnDomainCache } from '@scloud/ucdn-client/operations/PrefetchNewUcdnDomainCache'
import { RefreshNewUcdnDomainCache } from '@scloud/ucdn-client/operations/RefreshNewUcdnDomainCache'
import { BOOLEAN, checkCallOptions, FUNCTION, NON_EMPTY, SIGNAL } from '../option-rules.js'
import { checkUrls } from './check-urls.js'
import { type SubmitDeps, submitInBatches } from './submit-batches.js'
import type { SubmitOptions, SubmitResult } from './types.js'
import { urlListRules } from './url-list-rules.js'

/** The pause between submit calls when `intervalMs` is not given: the API asks for one call per 10 s at most. */
export const DEFAULT_SUBMIT_INTERVAL_MS = 10_000

/** The rule of every option both submits take (the type makes this list complete). */
const SUBMIT_OPTIONS = {
  signal: SIGNAL,
  intervalMs: ['a number of milliseconds ≥ 0', (v) => typeof v === 'number' && v >= 0 && Number.isFinite(v)],
  onProgress: FUNCTION,
  projectId: NON_EMPTY,
} satisfies Record<keyof SubmitOptions, OptionRule>

/** The refresh types, read off the spec's enum (`file`, `dir`, `m3u8`). */
const REFRESH_TYPES: readonly string[] =
  RefreshNewUcdnDomainCache.fields.find((field) => field.wire === 'Type')?.enum ?? []
const TYPE: OptionRule = [`one of ${REFRESH_TYPES.join(', ')}`, (v) => REFRESH_TYPES.includes(v as string)]

/** Warms the CDN's cache with `urls` (files): see `UcdnClient.prefetchUrls`. */
export async function prefetchUrls(
  deps: SubmitDeps,
  urls: readonly string[],
  options: (SubmitOptions & { readonly isDcdn?: boolean | undefined }) | undefined,
): Promise<SubmitResult> {
  const method = 'prefetchUrls'
  checkCallOptions(options, method, { ...SUBMIT_OPTIONS, isDcdn: BOOLEAN })
  const operation = PrefetchNewUcdnDomainCache
  const { maxItems, pattern } = urlListRules(operation)
  const list = checkUrls(urls, { method, pattern })
  const { projectId, isDcdn } = options ?? {}
  return submitInBatches(
    {
      ...submitOptions(options),
      method,
      operation,
      urls: list,
      batchSize: maxItems,
      params: (urlList) => ({
        urlList,
        ...(projectId !== undefined && { projectId }),
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
  checkCallOptions(options, method, { ...SUBMIT_OPTIONS, type: TYPE })
  const type = options?.type ?? 'file'
  const operation = RefreshNewUcdnDomainCache
  const { maxItems, pattern } = urlListRules(operation)
  const list = checkUrls(urls, { method, pattern, dir: type === 'dir' })
  const { projectId } = options ?? {}
  return submitInBatches(
    {
      ...submitOptions(options),
      method,
      operation,
      urls: list,
      batchSize: maxItems,
      params: (urlList) => ({ type, urlList, ...(projectId !== undefined && { projectId }) }),
    },
    deps,
  )
}

/** The options both submits share (already checked), with their defaults. */
function submitOptions(options: SubmitOptions | undefined) {
  return {
    intervalMs: options?.intervalMs ?? DEFAULT_SUBMIT_INTERVAL_MS,
    onProgress: options?.onProgress,
    signal: options?.signal,
  }
}
