/**
 * Sorts parameter names by UTF-16 code units, the protocol's order (`CPU` < `ChargeType`, `TaskId.10` <
 * `TaskId.2`): plain `<` on strings, never localeCompare. `values[i]` belongs to `keys[i]` and moves with it
 * (`values` may be `keys` itself, to sort names alone). Both arrays are sorted in place.
 *
 * Hand-written because the engine's generic `sort()` spends most of a request's signing time here, and cannot
 * carry a second array: insertion-sorted runs of 8 merged bottom-up do about half the work on the ~50 keys of a
 * large request.
 */
export function sortKeys(keys: string[], values: string[]): void {
  const length = keys.length
  // Keys flattened for signing usually come sorted already (flattenToSign): then n - 1 comparisons are all.
  let sorted = 1
  while (sorted < length && keys[sorted - 1]! <= keys[sorted]!) sorted++
  if (sorted >= length) return
  for (let start = 0; start < length; start += RUN) {
    insertionSort(keys, values, start, Math.min(start + RUN, length))
  }
  if (length <= RUN) return
  let fromKeys = keys
  let fromValues = values
  // Names sorted alone (values === keys) need no second buffer.
  const alone = values === keys
  let toKeys: string[] = new Array(length)
  let toValues: string[] = alone ? toKeys : new Array(length)
  for (let width = RUN; width < length; width *= 2) {
    for (let low = 0; low < length; low += 2 * width) {
      const middle = Math.min(low + width, length)
      const high = Math.min(low + 2 * width, length)
      let i = low
      let j = middle
      let k = low
      // Taking from the left run on ties keeps the sort stable.
      while (i < middle && j < high) {
        const from = fromKeys[j]! < fromKeys[i]! ? j++ : i++
        toValues[k] = fromValues[from]!
        toKeys[k++] = fromKeys[from]!
      }
      for (; i < middle; i++, k++) {
        toValues[k] = fromValues[i]!
        toKeys[k] = fromKeys[i]!
      }
      for (; j < high; j++, k++) {
        toValues[k] = fromValues[j]!
        toKeys[k] = fromKeys[j]!
      }
    }
    const keysDone = toKeys
    toKeys = fromKeys
    fromKeys = keysDone
    const valuesDone = toValues
    toValues = fromValues
    fromValues = valuesDone
  }
  if (fromKeys === keys) return
  for (let i = 0; i < length; i++) {
    values[i] = fromValues[i]!
    keys[i] = fromKeys[i]!
  }
}

const RUN = 8

function insertionSort(keys: string[], values: string[], start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const key = keys[i]!
    const value = values[i]!
    let j = i - 1
    while (j >= start && keys[j]! > key) {
      keys[j + 1] = keys[j]!
      values[j + 1] = values[j]!
      j--
    }
    keys[j + 1] = key
    values[j + 1] = value
  }
}
