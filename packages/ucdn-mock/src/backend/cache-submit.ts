import type { Domain, DomainRegistry } from './cache-domains.js'
import type { QuotaKind, QuotaLedger } from './cache-quota.js'
import { CACHE_RET_CODES } from './cache-ret-codes.js'

/** An API error a backend answers with instead of a result: a non-zero RetCode and its Message. */
export type Refusal = { readonly retCode: number; readonly message: string }

/** What a submit call asks for: its URLs, the quota they spend, and whether they are prefetches. */
export type SubmitRequest = {
  readonly urls: readonly string[]
  readonly kind: QuotaKind
  readonly projectId: string
  /** ms since the epoch. */
  readonly now: number
}

/** An accepted submit: how many URLs each domain is charged. */
export type SubmitPlan = { readonly charges: ReadonlyMap<Domain, number> }

/** The most URLs a Message names, so a refusal of 1,000 URLs stays one readable sentence. */
const MAX_NAMED = 3

/**
 * Checks a submit against the account's domains and their quotas, in this order: every URL on a domain of the
 * project (1201), prefetch enabled on each (1202, prefetches only), each domain's daily quota enough for all its
 * URLs of the call (1203). Either the whole call is accepted or nothing is charged. URL syntax, the per-call
 * limit and the pacing are checked elsewhere (the spec's schema, {@link createSubmitPacer}).
 */
export function planSubmit(
  request: SubmitRequest,
  domains: DomainRegistry,
  ledger: QuotaLedger,
): { ok: true; plan: SubmitPlan } | { ok: false; refusal: Refusal } {
  const charges = new Map<Domain, number>()
  const foreign: string[] = []
  for (const url of request.urls) {
    const domain = domains.byHost(hostOf(url), request.projectId)
    if (domain === undefined) foreign.push(url)
    else charges.set(domain, (charges.get(domain) ?? 0) + 1)
  }
  if (foreign.length > 0) {
    return refuse(
      CACHE_RET_CODES.urlNotOwnDomain,
      `${count(foreign.length, 'URL is', 'URLs are')} not on an accelerated domain of this account: ${named(foreign)}`,
    )
  }
  if (request.kind === 'prefetch') {
    const disabled = [...charges.keys()].filter((d) => !d.prefetchEnabled)
    if (disabled.length > 0) {
      return refuse(
        CACHE_RET_CODES.prefetchDisabled,
        `Prefetch is not enabled for ${named(disabled.map((d) => `${d.domainId} (${d.host})`))}`,
      )
    }
  }
  for (const [domain, wanted] of charges) {
    const quota = domain.quota[request.kind]
    const used = ledger.used(domain.domainId, request.kind, request.now)
    if (used + wanted > quota) {
      return refuse(
        CACHE_RET_CODES.quotaExhausted,
        `Daily ${KIND_WORDS[request.kind]} quota of ${domain.domainId} exhausted: ${used} of ${quota} used today, this call needs ${wanted}`,
      )
    }
  }
  return { ok: true, plan: { charges } }
}

/** Charges an accepted plan's URLs to each domain's quota. */
export function chargePlan(plan: SubmitPlan, kind: QuotaKind, ledger: QuotaLedger, now: number): void {
  for (const [domain, n] of plan.charges) ledger.charge(domain.domainId, kind, n, now)
}

/** Spaces submits: at most one accepted per `intervalMs` and project. */
export type SubmitPacer = {
  /** The refusal for a submit at `now` (ms), or undefined when it may go ahead. */
  check(projectId: string, now: number): Refusal | undefined
  /** Records an accepted submit at `now`. */
  mark(projectId: string, now: number): void
}

/** Creates a {@link SubmitPacer}; `intervalMs` 0 accepts every submit. */
export function createSubmitPacer(intervalMs: number): SubmitPacer {
  const last = new Map<string, number>()
  return {
    check(projectId, now) {
      const previous = last.get(projectId)
      if (previous === undefined || now - previous >= intervalMs || now < previous) return undefined
      const waitS = Math.ceil((intervalMs - (now - previous)) / 1000)
      return {
        retCode: CACHE_RET_CODES.submitTooSoon,
        message: `Prefetch submitted too soon: at most one every ${intervalMs / 1000} s, retry in ${waitS} s`,
      }
    },
    mark(projectId, now) {
      last.set(projectId, now)
    },
  }
}

/** The host of a URL the schema accepted (`http(s)://host/...`), lower case, without a port. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase()
  } catch {
    return ''
  }
}

const KIND_WORDS: Readonly<Record<QuotaKind, string>> = {
  prefetch: 'prefetch',
  refreshFile: 'file refresh',
  refreshDir: 'directory refresh',
}

function refuse(retCode: number, message: string): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { retCode, message } }
}

function count(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`
}

function named(items: readonly string[]): string {
  const shown = items.slice(0, MAX_NAMED).map(shorten).join(', ')
  return items.length > MAX_NAMED ? `${shown} and ${items.length - MAX_NAMED} more` : shown
}

function shorten(value: string): string {
  return value.length > 100 ? `${value.slice(0, 100)}…` : value
}
