// getCacheQuota and isPrefetchEnabled: a domain's quota with the SDK's names, and the prefetch switch as a boolean.
import { GetUcdnDomainPrefetchEnable } from '@scloud/ucdn-client/operations/GetUcdnDomainPrefetchEnable'
import { GetUcdnDomainPrefetchRefreshState } from '@scloud/ucdn-client/operations/GetUcdnDomainPrefetchRefreshState'
import { UcdnError } from '../errors.js'
import { invalidInput } from '../invalid-input.js'
import { checkCallOptions, NON_EMPTY, SIGNAL } from '../option-rules.js'
import type { CacheQuota, CacheSend } from './types.js'

/** Options of `getCacheQuota` and `isPrefetchEnabled`. */
export interface DomainCallOptions {
  readonly signal?: AbortSignal | undefined
  /** Project; defaults to the client's. */
  readonly projectId?: string | undefined
}

const QUOTA_FIELDS = [
  'prefetchQuota',
  'submitPrefetchCount',
  'refreshFileQuota',
  'submitRefreshFile',
  'refreshDirQuota',
  'submitRefreshDir',
] as const satisfies readonly (keyof CacheQuota)[]

/** The daily prefetch and refresh quota of `domainId` and what was submitted today; fields the API omits are absent. */
export async function getCacheQuota(
  send: CacheSend,
  domainId: string,
  options: DomainCallOptions | undefined,
): Promise<CacheQuota> {
  const { signal, params } = checkDomainCall(domainId, options, 'getCacheQuota')
  const answer = await send(GetUcdnDomainPrefetchRefreshState, params, { signal })
  const quota: { -readonly [K in keyof CacheQuota]: CacheQuota[K] } = { requestId: answer.requestId }
  for (const field of QUOTA_FIELDS) if (answer[field] !== undefined) quota[field] = answer[field]
  return quota
}

/**
 * Whether prefetch is enabled for `domainId` (`Enable` 1). Any answer but 0 or 1 is INVALID_RESPONSE: a missing
 * switch is not "off", and guessing either way would mislead.
 */
export async function isPrefetchEnabled(
  send: CacheSend,
  domainId: string,
  options: DomainCallOptions | undefined,
): Promise<boolean> {
  const { signal, params } = checkDomainCall(domainId, options, 'isPrefetchEnabled')
  const answer = await send(GetUcdnDomainPrefetchEnable, params, { signal })
  if (answer.enable === 1) return true
  if (answer.enable === 0) return false
  const action = GetUcdnDomainPrefetchEnable.action
  const id = answer.requestId === undefined ? '' : ` (request id ${answer.requestId})`
  throw new UcdnError({
    code: 'INVALID_RESPONSE',
    source: 'response',
    message: `${action} answered Enable ${answer.enable === undefined ? 'missing' : String(answer.enable)}, not 0 or 1${id}; report it to SCloud support.`,
    action,
    requestId: answer.requestId,
  })
}

function checkDomainCall(domainId: string, options: DomainCallOptions | undefined, method: string) {
  checkCallOptions(options, method, { signal: SIGNAL, projectId: NON_EMPTY })
  if (!NON_EMPTY[1](domainId)) {
    throw invalidInput(`${method}: domainId must be a non-empty string, such as "ucdn-0331qd".`, {
      field: 'domainId',
    })
  }
  const { signal, projectId } = options ?? {}
  return { signal, params: { domainId, ...(projectId !== undefined && { projectId }) } }
}
