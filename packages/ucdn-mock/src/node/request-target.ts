/**
 * The URL of a request target as node:http received it, or undefined when it is not one (the server answers
 * 400). An origin-form target (`/…`) is appended to the server's origin, never resolved against it: resolving
 * would read `//?Action=…` (what a client whose base URL ends in `/` sends) as a URL of another host, or fail.
 * An absolute-form target (`http://host/…`, what proxies send) is parsed as it is.
 */
export function requestTargetUrl(target: string, origin: string): URL | undefined {
  try {
    if (target.startsWith('/')) return new URL(`${origin}${target}`)
    if (/^https?:\/\//i.test(target)) return new URL(target)
  } catch {
    return undefined
  }
  return undefined
}
