// A prefetch or refresh submit as the form writes it and the BFF reads it: the URLs are checked line by line
// on both sides (the page to show each problem next to its line, the server because it acts with your keys),
// by this one module, so the two cannot disagree.
import { type CacheActions, REFRESH_TYPES, type RefreshType, type SubmitResult } from './cache-actions.js'

export const PREFETCH_SUBMIT_PATH = '/api/prefetch'
export const REFRESH_SUBMIT_PATH = '/api/refresh'

export type SubmitKind = 'prefetch' | 'refresh'

export type SubmitRequest =
  | { readonly kind: 'prefetch'; readonly urls: readonly string[] }
  | { readonly kind: 'refresh'; readonly type: RefreshType; readonly urls: readonly string[] }

/**
 * URLs per submit: one API call each (the API's per-call limits), so a submit never waits through the SDK's
 * pacing between batches and never half succeeds.
 */
export const SUBMIT_LIMITS: Readonly<Record<SubmitKind, number>> = { prefetch: 1_000, refresh: 100 }

/** One line the form cannot submit, numbered as the person sees it (1-based). */
export type UrlProblem = { readonly line: number; readonly url: string; readonly problem: string }

export type CheckedUrls =
  | { readonly ok: true; readonly urls: string[]; readonly duplicates: number }
  | { readonly ok: false; readonly message: string; readonly problems: readonly UrlProblem[] }

// scheme://host then a path: the API refreshes and prefetches files and directories, never a bare host.
const URL_SHAPE = /^https?:\/\/[^/?#\s]+\/\S*$/i

/** Checks each line (blank lines skipped, repeats dropped): http(s), a host, a path; `dir` URLs end in "/". */
export function checkUrls(lines: readonly string[], kind: SubmitKind, type?: RefreshType): CheckedUrls {
  const problems: UrlProblem[] = []
  const urls: string[] = []
  const seen = new Set<string>()
  let duplicates = 0
  lines.forEach((raw, index) => {
    const url = raw.trim()
    if (url === '') return
    const problem = urlProblem(url, kind === 'refresh' && type === 'dir')
    if (problem !== undefined) problems.push({ line: index + 1, url, problem })
    else if (seen.has(url)) duplicates++
    else {
      seen.add(url)
      urls.push(url)
    }
  })
  if (problems.length > 0) {
    const count = problems.length === 1 ? 'One line is' : `${problems.length} lines are`
    return { ok: false, message: `${count} not a URL the API accepts; nothing was submitted.`, problems }
  }
  if (urls.length === 0) return { ok: false, message: 'Give at least one URL, one per line.', problems: [] }
  const limit = SUBMIT_LIMITS[kind]
  if (urls.length > limit) {
    return {
      ok: false,
      message: `At most ${limit} URLs per ${kind}, got ${urls.length}: split the list.`,
      problems: [],
    }
  }
  return { ok: true, urls, duplicates }
}

function urlProblem(url: string, mustBeDirectory: boolean): string | undefined {
  if (!/^https?:\/\//i.test(url)) return 'must start with http:// or https://'
  if (!URL_SHAPE.test(url)) return 'needs a host and a path (like https://cdn.example.com/app.js), no spaces'
  try {
    new URL(url)
  } catch {
    return 'is not a valid URL'
  }
  if (mustBeDirectory && !url.endsWith('/')) return 'a directory refresh needs a URL ending in "/"'
  return undefined
}

export type DecodedSubmit =
  | { readonly ok: true; readonly request: SubmitRequest }
  | { readonly ok: false; readonly message: string; readonly problems?: readonly UrlProblem[] }

/** Reads the BFF's JSON body: `{ urls: string[] }`, and for refresh an optional `type` (default `file`). */
export function decodeSubmitBody(kind: SubmitKind, body: unknown): DecodedSubmit {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'Send a JSON object like {"urls": ["https://…/a.js"]}.' }
  }
  const fields = body as Record<string, unknown>
  const allowed = kind === 'refresh' ? ['urls', 'type'] : ['urls']
  const unknown = Object.keys(fields).find((key) => !allowed.includes(key))
  if (unknown !== undefined) {
    return { ok: false, message: `Unknown field ${JSON.stringify(unknown)}: send ${allowed.join(' and ')}.` }
  }
  const { urls } = fields
  if (!Array.isArray(urls) || !urls.every((u): u is string => typeof u === 'string')) {
    return { ok: false, message: 'urls must be an array of strings.' }
  }
  let type: RefreshType = 'file'
  if (kind === 'refresh' && fields.type !== undefined) {
    if (!REFRESH_TYPES.includes(fields.type as RefreshType)) {
      return { ok: false, message: `type must be one of ${REFRESH_TYPES.join(', ')}.` }
    }
    type = fields.type as RefreshType
  }
  const checked = checkUrls(urls, kind, type)
  if (!checked.ok) return checked
  return {
    ok: true,
    request: kind === 'refresh' ? { kind, type, urls: checked.urls } : { kind, urls: checked.urls },
  }
}

/** Submits `request` in one API call (its URLs are within SUBMIT_LIMITS, so the SDK has nothing to pace). */
export function submitRequest(
  cache: Pick<CacheActions, 'prefetchUrls' | 'refreshUrls'>,
  request: SubmitRequest,
  options: { readonly signal?: AbortSignal | undefined } = {},
): Promise<SubmitResult> {
  return request.kind === 'refresh'
    ? cache.refreshUrls(request.urls, { type: request.type, signal: options.signal, intervalMs: 0 })
    : cache.prefetchUrls(request.urls, { signal: options.signal, intervalMs: 0 })
}
