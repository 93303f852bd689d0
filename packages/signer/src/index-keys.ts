/**
 * The keys `prefix + 0 … prefix + (length - 1)` of an array's elements, indexed by element (`keys[i]` is
 * `prefix + i`), kept for the prefixes met lately: a client sends the same few arrays (`TaskId.`, `UrlList.`) in
 * every request, and making 41 key strings per request was a tenth of signing one. Read it, never change it.
 */
export function indexKeys(prefix: string, length: number): readonly string[] {
  if (length > LONGEST) return Array.from({ length }, (_, i) => prefix + i)
  let keys = byPrefix.get(prefix)
  if (keys === undefined) {
    // A bound on what is kept: any prefix is allowed, and only a few are expected.
    if (byPrefix.size >= PREFIXES) byPrefix.clear()
    keys = []
    byPrefix.set(prefix, keys)
  }
  for (let i = keys.length; i < length; i++) keys.push(prefix + i)
  return keys
}

const PREFIXES = 32
const LONGEST = 1024
const byPrefix = new Map<string, string[]>()
