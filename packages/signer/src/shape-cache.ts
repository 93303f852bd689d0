/**
 * A function of a list of parameter names, remembered for the last few lists met: a client signs the same few
 * shapes of request over and over, and comparing the names one by one (`===`: property names are usually the
 * same string objects, and equal strings compare equal anyway) costs far less than sorting them again. The
 * names given are kept as they are: pass a list nobody changes afterwards (what `Object.keys` returned).
 */
export function shapeCache<T>(compute: (names: readonly string[]) => T, size = 8): (names: string[]) => T {
  const shapes: (readonly string[])[] = []
  const results: T[] = []
  let next = 0
  return (names) => {
    for (let i = 0; i < shapes.length; i++) if (sameNames(shapes[i]!, names)) return results[i]!
    const result = compute(names)
    shapes[next] = names
    results[next] = result
    next = (next + 1) % size
    return result
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
