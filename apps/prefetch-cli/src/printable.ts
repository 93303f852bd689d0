// Text from outside — arguments, API data, messages from the server — shown to a person on a terminal. Raw, a
// control character drives the terminal (ESC sequences retitle it, clear the screen, recolour what follows), a
// newline forges a line of output, and a bidi control reorders what is shown. These helpers show each one as an
// escape a person can read instead (`\n`, `\x1b`, `\u202e`).

/** Values quoted in a message are cut to about this many characters: a 1 MB argument makes a short line. */
export const QUOTE_MAX = 40

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * `text` with every control character escaped visibly; nothing else changes. Not cut: table cells and error
 * lines show the whole value. Backslashes stay as they are (this is text to read, not a literal to parse).
 */
export function printable(text: string): string {
  let out = ''
  for (const char of text) out += isUnprintable(char) ? escapeChar(char) : char
  return out
}

/**
 * A user-supplied value for a message: in double quotes, control characters escaped as in {@link printable},
 * `"` and `\` escaped so the quotes cannot be forged, cut to about `max` characters with an ellipsis. Reads only
 * as far as it shows, so a huge value costs nothing.
 */
export function quote(value: string, max: number = QUOTE_MAX): string {
  const pieces: string[] = []
  let length = 0
  for (const char of value) {
    const piece = char === '"' || char === '\\' ? `\\${char}` : isUnprintable(char) ? escapeChar(char) : char
    pieces.push(piece)
    length += piece.length
    if (length > max) break
  }
  if (length <= max) return `"${pieces.join('')}"`
  let kept = ''
  for (const piece of pieces) {
    if (kept.length + piece.length > max - 1) break
    kept += piece
  }
  return `"${kept}…"`
}

/**
 * C0, DEL, C1; the bidi marks, embeddings, overrides and isolates (U+061C, U+200E/F, U+202A–202E, U+2066–2069);
 * the line and paragraph separators; a lone surrogate (it would reach the terminal as U+FFFD, hiding what was
 * sent). `char` is one code point, as a string iterator yields it.
 */
function isUnprintable(char: string): boolean {
  const code = char.charCodeAt(0)
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    (char.length === 1 && code >= 0xd800 && code <= 0xdfff)
  )
}

function escapeChar(char: string): string {
  const short = SHORT_ESCAPES[char]
  if (short !== undefined) return short
  const code = char.charCodeAt(0)
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`
}
