// What the spec says of a submit's UrlList, read off the descriptor's generated field table (so the limit and
// the URL pattern are stated once, in openapi/ucdn.yaml): the most URLs one call takes and the item pattern.
import type { AnyOperation } from '@scloud/ucdn-client'

export interface UrlListRules {
  /** The most URLs one call takes (`maxItems`): 1,000 for a prefetch, 100 for a refresh. */
  readonly maxItems: number
  /** The pattern every URL must match (`pattern` of the items). */
  readonly pattern: RegExp
}

const cache = new WeakMap<AnyOperation, UrlListRules>()

/** The rules of `operation`'s `UrlList`. A descriptor without them is a bug. */
export function urlListRules(operation: AnyOperation): UrlListRules {
  const known = cache.get(operation)
  if (known !== undefined) return known
  const list = operation.fields.find((field) => field.wire === 'UrlList')
  if (list?.maxItems === undefined || list.pattern === undefined) {
    throw new TypeError(`${operation.action}: the spec gives UrlList no maxItems or item pattern.`)
  }
  const rules = { maxItems: list.maxItems, pattern: new RegExp(list.pattern) }
  cache.set(operation, rules)
  return rules
}
