export type FormPairsResult =
  | { readonly ok: true; readonly pairs: readonly (readonly [string, string])[] }
  | {
      readonly ok: false
      /** The parameter whose value is not UTF-8, or undefined when the name itself is not. */
      readonly name: string | undefined
      /** The offending name or value as written (percent-encoded), for the message. */
      readonly raw: string
    }

/**
 * Splits an `application/x-www-form-urlencoded` string (a form body, or a query string without its `?`)
 * into name/value pairs as WHATWG's URL standard does (`&` separates, the first `=` splits, `+` is a space,
 * `%XX` is a byte, a `%` not followed by two hex digits stays as written), except that percent-decoded
 * bytes which are not UTF-8 (`%C0%AF`, `%ED%A0%80`, `%FF`) are refused instead of being replaced by U+FFFD:
 * a byte-oriented gateway signs and compares bytes, so a lossy decoding would check another string than
 * the one the client signed. A BOM (`%EF%BB%BF`) is kept as U+FEFF, never stripped.
 */
export function parseFormPairs(text: string): FormPairsResult {
  const pairs: [string, string][] = []
  for (const sequence of text.split('&')) {
    if (sequence === '') continue
    const eq = sequence.indexOf('=')
    const rawName = eq < 0 ? sequence : sequence.slice(0, eq)
    const rawValue = eq < 0 ? '' : sequence.slice(eq + 1)
    const name = percentDecode(rawName)
    if (name === undefined) return { ok: false, name: undefined, raw: rawName }
    const value = percentDecode(rawValue)
    if (value === undefined) return { ok: false, name, raw: rawValue }
    pairs.push([name, value])
  }
  return { ok: true, pairs }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const encoder = new TextEncoder()

/** `+` → space, `%XX` → byte, then strict UTF-8; undefined when the bytes are not UTF-8. */
export function percentDecode(raw: string): string | undefined {
  const spaced = raw.includes('+') ? raw.replaceAll('+', ' ') : raw
  if (!spaced.includes('%')) return spaced
  const input = encoder.encode(spaced)
  const bytes = new Uint8Array(input.length)
  let n = 0
  for (let i = 0; i < input.length; i++) {
    const high = hexValue(input[i + 1])
    const low = hexValue(input[i + 2])
    if (input[i] === 0x25 /* % */ && high >= 0 && low >= 0) {
      bytes[n++] = high * 16 + low
      i += 2
    } else {
      bytes[n++] = input[i]!
    }
  }
  try {
    return strictUtf8.decode(bytes.subarray(0, n))
  } catch {
    return undefined
  }
}

function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30
  const lower = byte | 0x20
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1
}
