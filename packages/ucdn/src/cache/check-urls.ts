// The URLs of a prefetch or refresh, checked all at once before anything is sent: one bad URL refuses the list,
// so a submit is never half done because of a typo in URL 1,500.
import { invalidInput } from '../invalid-input.js'

/** How many bad URLs a message quotes; the rest are counted. */
export const MAX_QUOTED_URLS = 3

export interface UrlRules {
  /** The spec's pattern of a UrlList item (scheme, host, then a path); see url-list-rules.ts. */
  readonly pattern: RegExp
  /** Directory refresh: each URL must end with `/`. */
  readonly dir?: boolean | undefined
}

export interface CheckUrlsOptions extends UrlRules {
  /** The method, for the message (`prefetchUrls`). */
  readonly method: string
}

// A lone UTF-16 surrogate has no UTF-8 form: it can be neither sent nor signed.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const SPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f]/

/**
 * Why `url` cannot be submitted, or undefined when it can: it must be an absolute `http:`/`https:` URL with a
 * host and a path (`https://cdn.example.com/a.js`: the spec's pattern, checked on the text as given, since
 * `new URL` would add the `/`), with no space or control character; with `dir`, it must end with `/`.
 */
export function urlProblem(url: unknown, rules: UrlRules): string | undefined {
  if (typeof url !== 'string') return 'not a string'
  if (SPACE_OR_CONTROL.test(url)) return 'has a space or control character'
  if (LONE_SURROGATE.test(url)) return 'is not well-formed Unicode'
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'not an absolute URL'
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'not http or https'
  if (parsed.hostname === '') return 'no host'
  if (!rules.pattern.test(url)) return 'no path after the host'
  if (rules.dir && !url.endsWith('/')) return 'a dir refresh URL must end with /'
  return undefined
}

/**
 * The URLs to submit, each once, in the order first given (an exact repeat would spend quota twice for nothing).
 * Throws INVALID_INPUT (`field: 'urls'`) for an empty list or any bad URL, quoting the first few with why.
 */
export function checkUrls(urls: readonly string[], options: CheckUrlsOptions): string[] {
  const { method } = options
  if (!Array.isArray(urls) || urls.length === 0) {
    throw invalidInput(`${method}: urls must be a non-empty array of URLs.`, { field: 'urls' })
  }
  const bad: string[] = []
  let badCount = 0
  for (const url of urls) {
    const problem = urlProblem(url, options)
    if (problem === undefined) continue
    badCount++
    if (bad.length < MAX_QUOTED_URLS) bad.push(`${quote(url)} (${problem})`)
  }
  if (badCount > 0) {
    const more = badCount > bad.length ? ` and ${badCount - bad.length} more` : ''
    throw invalidInput(
      `${method}: ${badCount} of ${urls.length} URLs cannot be submitted: ${bad.join(', ')}${more}; nothing was sent.`,
      { field: 'urls' },
    )
  }
  return [...new Set(urls)]
}

/** A URL as quoted in a message: JSON-quoted (control characters visible), long ones shortened. */
function quote(url: unknown): string {
  if (typeof url !== 'string') return typeof url
  const shown = url.length > 80 ? `${url.slice(0, 77)}...` : url
  return JSON.stringify(shown)
}
