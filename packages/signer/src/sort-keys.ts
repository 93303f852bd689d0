/**
 * Sorts parameter names by UTF-16 code units, the protocol's order (`CPU` < `ChargeType`,
 * `TaskId.10` < `TaskId.2`): plain `<` on strings, never localeCompare. Returns a sorted array, which may
 * be `keys` itself (sorted in place) or a new one.
 *
 * Hand-written because the engine's generic `sort()` spends most of a request's signing time here:
 * insertion-sorted runs of 8 merged bottom-up do about half the work on the ~50 keys of a large request.
 */
export function sortKeys(keys: string[]): string[] {
  const length = keys.length
  for (let start = 0; start < length; start += RUN) insertionSort(keys, start, Math.min(start + RUN, length))
  if (length <= RUN) return keys
  let from = keys
  let to: string[] = new Array(length)
  for (let width = RUN; width < length; width *= 2) {
    for (let low = 0; low < length; low += 2 * width) {
      const middle = Math.min(low + width, length)
      const high = Math.min(low + 2 * width, length)
      let i = low
      let j = middle
      let k = low
      // Taking from the left run on ties keeps the sort stable (keys are unique here anyway).
      while (i < middle && j < high) to[k++] = from[j]! < from[i]! ? from[j++]! : from[i++]!
      while (i < middle) to[k++] = from[i++]!
      while (j < high) to[k++] = from[j++]!
    }
    const swap = from
    from = to
    to = swap
  }
  return from
}

const RUN = 8

function insertionSort(keys: string[], start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const key = keys[i]!
    let j = i - 1
    while (j >= start && keys[j]! > key) {
      keys[j + 1] = keys[j]!
      j--
    }
    keys[j + 1] = key
  }
}
