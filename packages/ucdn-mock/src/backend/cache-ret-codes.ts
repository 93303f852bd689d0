/**
 * The RetCodes of the cache-management actions, beside the common ones (PROTOCOL.md) and 230 (a missing or
 * invalid parameter: a URL that is not `http(s)://host/path`, more URLs than one call takes, a `dir` refresh
 * URL without its trailing `/`). The public references list none of these cases; the codes are this project's
 * choice, all below 2000 so no client retries them as server faults. The spec states the same table as
 * `x-scloud-ret-codes` of each action, and a test holds the two together.
 */
export const CACHE_RET_CODES = Object.freeze({
  /** A URL's host is not an accelerated domain of the account (in the request's project). */
  urlNotOwnDomain: 1201,
  /** Prefetch is not enabled for a URL's domain (GetUcdnDomainPrefetchEnable answers 0). */
  prefetchDisabled: 1202,
  /** The call would take a domain past its daily quota; nothing was submitted. */
  quotaExhausted: 1203,
  /** A prefetch was submitted less than the pacing interval (10 s) after the previous one. */
  submitTooSoon: 1204,
  /** No accelerated domain with this `DomainId` in the project. */
  domainNotFound: 1205,
})
