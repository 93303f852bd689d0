// What the spec says of a submit's UrlList, read off the generated zod schema of the descriptor (so the limit and
// the URL pattern are stated once, in openapi/ucdn.yaml): the most URLs one call takes and the item pattern.
import type { AnyOperation } from '@scloud/ucdn-client'

export interface UrlListRules {
  /** The most URLs one call takes (`maxItems`): 1,000 for a prefetch, 100 for a refresh. */
  readonly maxItems: number
  /** The pattern every URL must match (`pattern` of the items). */
  readonly pattern: RegExp
}

type Checked = {
  readonly _zod: {
    readonly def: {
      readonly type: string
      readonly element?: Checked
      readonly innerType?: Checked
      readonly shape?: Readonly<Record<string, Checked>>
      readonly checks?: readonly {
        readonly _zod: { readonly def: { check: string; maximum?: number; pattern?: RegExp } }
      }[]
    }
  }
}

const cache = new WeakMap<AnyOperation, UrlListRules>()

/** The rules of `operation`'s `UrlList` (zod/mini keeps bounds as checks). A descriptor without them is a bug. */
export function urlListRules(operation: AnyOperation): UrlListRules {
  const known = cache.get(operation)
  if (known !== undefined) return known
  const list = (operation.request as unknown as Checked)._zod.def.shape?.UrlList?._zod.def
  const maxItems = list?.checks?.find((c) => c._zod.def.check === 'max_length')?._zod.def.maximum
  const item = list?.element?._zod.def
  const pattern = item?.checks?.find((c) => c._zod.def.pattern !== undefined)?._zod.def.pattern
  if (maxItems === undefined || pattern === undefined) {
    throw new TypeError(`${operation.action}: the spec gives UrlList no maxItems or item pattern.`)
  }
  const rules = { maxItems, pattern }
  cache.set(operation, rules)
  return rules
}
