// For tests: the characters in `text` a terminal would act on or reorder text by. Written apart from
// src/printable.ts, so a test of printable() does not check it against itself.

/** C0 but newline, DEL, C1, the bidi controls and the line/paragraph separators found in `text`, in order. */
export function controlCharacters(text: string): string[] {
  return [...text].filter((char) => {
    const code = char.codePointAt(0) ?? 0
    return (
      (code < 0x20 && char !== '\n') ||
      (code >= 0x7f && code <= 0x9f) ||
      [0x061c, 0x200e, 0x200f].includes(code) ||
      (code >= 0x2028 && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069)
    )
  })
}
