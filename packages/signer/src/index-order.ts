/**
 * The indices `0 … length-1` in the order their decimal strings sort (`0, 1, 10, 11, …, 19, 2, 20, …`):
 * the order of `TaskId.0 … TaskId.N` in a string to sign, produced in O(n) without comparing strings.
 */
export function indexOrder(length: number): number[] {
  const order: number[] = new Array(length)
  if (length === 0) return order
  order[0] = 0
  // The rest is 1 … length-1 in lexicographic order: a preorder walk of the decimal digit tree.
  let current = 1
  for (let i = 1; i < length; i++) {
    order[i] = current
    if (current * 10 < length) {
      current *= 10
    } else {
      while (current % 10 === 9 || current + 1 >= length) current = Math.floor(current / 10)
      current += 1
    }
  }
  return order
}

// Orders of the array lengths met so far, up to a bound (requests send at most a few hundred ids per array).
const CACHED_UP_TO = 1024
const orders: (readonly number[] | undefined)[] = []

/** {@link indexOrder}, shared between calls for lengths up to 1,024: read it, never change it. */
export function cachedIndexOrder(length: number): readonly number[] {
  let order = orders[length]
  if (order === undefined) {
    order = indexOrder(length)
    if (length <= CACHED_UP_TO) orders[length] = order
  }
  return order
}
