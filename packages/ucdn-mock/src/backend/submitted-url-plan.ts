/** How long a submitted URL stays queued, and then in process: each a range in ms. */
export const SUBMITTED_URL_TIMING = Object.freeze({
  waitMs: Object.freeze([1_000, 3_000] as const),
  processMs: Object.freeze([4_000, 12_000] as const),
})

/** A submitted URL's timing: a plan as the prefetch backend takes it, always a success. */
export type SubmittedUrlPlan = {
  readonly url: string
  readonly waitMs: number
  readonly processMs: number
  readonly outcome: 'success' | 'failure'
}

/**
 * The plan of a URL submitted through the API: queued 1–3 s, then processed over 4–12 s, so it is done 5–15 s
 * after the submit. Chosen from a hash of the URL, so the same URL always takes the same time (a demo and a
 * test replay alike) while a batch's URLs finish at different moments.
 */
export function submittedUrlPlan(url: string): SubmittedUrlPlan {
  const h = fnv1a(url)
  return {
    url,
    waitMs: pick(SUBMITTED_URL_TIMING.waitMs, h & 0xffff),
    processMs: pick(SUBMITTED_URL_TIMING.processMs, h >>> 16),
    outcome: 'success',
  }
}

function pick([low, high]: readonly [number, number], sixteenBits: number): number {
  return low + Math.round(((high - low) * sixteenBits) / 0xffff / 100) * 100
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
