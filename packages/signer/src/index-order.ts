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
