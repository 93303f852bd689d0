import { UcdnMockError } from '../errors.js'

/** A domain's daily quotas: how many URLs each kind of submit may carry per day. */
export type DomainQuota = {
  /** Prefetched URLs a day. */
  readonly prefetch: number
  /** Refreshed files a day (`Type` `file` and `m3u8`). */
  readonly refreshFile: number
  /** Refreshed directories a day (`Type` `dir`). */
  readonly refreshDir: number
}

/**
 * The quotas of a domain whose seed names none: UCloud's guide's defaults for refreshes (700 files, 20
 * directories a day) and the per-call prefetch limit for prefetches (the references give no daily figure).
 */
export const DEFAULT_DOMAIN_QUOTA: DomainQuota = Object.freeze({
  prefetch: 1_000,
  refreshFile: 700,
  refreshDir: 20,
})

/** The accelerated domain every built-in backend has: the demo's URLs live on it. */
export const DEMO_DOMAIN = Object.freeze({ domainId: 'ucdn-demo01', host: 'cdn.example.com' })

/** A domain to add to a backend. */
export type DomainSeed = {
  /** The id the API assigned, e.g. `ucdn-0331qd`. */
  readonly domainId: string
  /** The accelerated host name (no scheme, no port), matched case-insensitively. */
  readonly host: string
  /** The project the domain belongs to. Default: the backend's default project. */
  readonly projectId?: string
  /** Whether prefetch is enabled for the domain. Default true. */
  readonly prefetchEnabled?: boolean
  /** Per-day quotas; missing ones take {@link DEFAULT_DOMAIN_QUOTA}'s. */
  readonly quota?: Partial<DomainQuota>
}

/** A stored domain. */
export type Domain = {
  readonly domainId: string
  /** Lower case. */
  readonly host: string
  readonly projectId: string
  readonly prefetchEnabled: boolean
  readonly quota: DomainQuota
}

/** The domains of the account, by id and by host. */
export type DomainRegistry = {
  /** Stores a domain. Throws a {@link UcdnMockError} for a bad seed, or an id or host already used. */
  add(seed: DomainSeed): Domain
  /** The domain with this id in `projectId`, or undefined (a domain of another project is not found). */
  get(domainId: string, projectId: string): Domain | undefined
  /** The domain serving `host` in `projectId`, or undefined. */
  byHost(host: string, projectId: string): Domain | undefined
  /** Every domain, in the order added. */
  list(): readonly Domain[]
}

const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/

/** Creates an empty {@link DomainRegistry}; seeds without a project go to `defaultProjectId`. */
export function createDomainRegistry(defaultProjectId: string): DomainRegistry {
  const domains: Domain[] = []
  return {
    add(seed) {
      const domain = normalizeDomain(seed, defaultProjectId)
      if (domains.some((d) => d.domainId === domain.domainId)) {
        throw invalid(`A domain with id ${JSON.stringify(domain.domainId)} exists.`)
      }
      if (domains.some((d) => d.host === domain.host)) {
        throw invalid(`A domain with host ${JSON.stringify(domain.host)} exists.`)
      }
      domains.push(domain)
      return domain
    },
    get: (domainId, projectId) => domains.find((d) => d.domainId === domainId && d.projectId === projectId),
    byHost(host, projectId) {
      const lower = host.toLowerCase()
      return domains.find((d) => d.host === lower && d.projectId === projectId)
    },
    list: () => [...domains],
  }
}

function normalizeDomain(seed: DomainSeed, defaultProjectId: string): Domain {
  if (typeof seed !== 'object' || seed === null) throw invalid('A domain seed must be an object.')
  const domainId = nonEmpty(seed.domainId, 'domainId')
  const host = nonEmpty(seed.host, 'host').toLowerCase()
  if (!HOST.test(host)) {
    throw invalid(`host must be a host name without scheme, port or path, got ${JSON.stringify(seed.host)}.`)
  }
  const prefetchEnabled = seed.prefetchEnabled ?? true
  if (typeof prefetchEnabled !== 'boolean') throw invalid('prefetchEnabled must be true or false.')
  const quota = { ...DEFAULT_DOMAIN_QUOTA, ...seed.quota }
  for (const [name, value] of Object.entries(quota)) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw invalid(`quota.${name} must be a whole number ≥ 0, got ${String(value)}.`)
    }
  }
  return Object.freeze({
    domainId,
    host,
    projectId: seed.projectId === undefined ? defaultProjectId : nonEmpty(seed.projectId, 'projectId'),
    prefetchEnabled,
    quota: Object.freeze(quota),
  })
}

function nonEmpty(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw invalid(`${what} must be a non-empty string.`)
  return value
}

function invalid(message: string): UcdnMockError {
  return new UcdnMockError('INVALID_DOMAIN', message)
}
