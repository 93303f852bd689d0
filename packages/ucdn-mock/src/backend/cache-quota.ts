import type { DomainQuota } from './cache-domains.js'

/** What a submit spends: one unit of the domain's quota of that kind per URL. */
export type QuotaKind = keyof DomainQuota

/**
 * Where a quota day starts: midnight in UTC+8, the time zone of SCloud's (Singapore) and UCloud's (Beijing)
 * consoles. Quotas are counted per domain and per such day.
 */
export const QUOTA_DAY_OFFSET_MS = 8 * 60 * 60 * 1000

const DAY_MS = 24 * 60 * 60 * 1000

/** Counts what each domain submitted on the current quota day. */
export type QuotaLedger = {
  /** URLs of `kind` the domain submitted on the quota day of `now` (ms). */
  used(domainId: string, kind: QuotaKind, now: number): number
  /** Records `count` more URLs of `kind` for the domain on the quota day of `now`. */
  charge(domainId: string, kind: QuotaKind, count: number, now: number): void
}

/** The quota day `now` (ms since the epoch) falls in, as a day number. */
export function quotaDay(now: number): number {
  return Math.floor((now + QUOTA_DAY_OFFSET_MS) / DAY_MS)
}

/** Creates an empty {@link QuotaLedger}. Only the latest day seen is kept per domain and kind. */
export function createQuotaLedger(): QuotaLedger {
  const counts = new Map<string, { day: number; count: number }>()
  const key = (domainId: string, kind: QuotaKind) => `${kind} ${domainId}`
  return {
    used(domainId, kind, now) {
      const entry = counts.get(key(domainId, kind))
      return entry !== undefined && entry.day === quotaDay(now) ? entry.count : 0
    },
    charge(domainId, kind, count, now) {
      const day = quotaDay(now)
      const entry = counts.get(key(domainId, kind))
      const before = entry !== undefined && entry.day === day ? entry.count : 0
      counts.set(key(domainId, kind), { day, count: before + count })
    },
  }
}
