// Fitting a line of coloured parts into a terminal's width. cli-progress turns line wrapping off, so the terminal
// cuts whatever is too long at the right edge: a status word there would be lost. Parts are dropped instead,
// least important first, so what stays is whole.
import { stripVTControlCharacters } from 'node:util'

export interface Part {
  /** The text, possibly coloured. */
  readonly text: string
  /** Lower goes first when the line is too long; 0 is never dropped. */
  readonly keep: number
  /** A state (`✗ failure`) rather than a figure: joined with ` · ` where figures take two spaces. */
  readonly state?: boolean
}

/** Visible width: ANSI codes take no room (every mark this tool draws is one column wide). */
export function visibleLength(text: string): number {
  return [...stripVTControlCharacters(text)].length
}

/**
 * Joins `parts` (with `separator`, or by `join`), dropping the least important until the line fits in `width`.
 */
export function fitParts(
  parts: readonly Part[],
  separator: string | ((kept: readonly Part[]) => string),
  width: number | undefined,
): string {
  const join =
    typeof separator === 'string'
      ? (kept: readonly Part[]) => kept.map((p) => p.text).join(separator)
      : separator
  let kept = [...parts]
  while (width !== undefined && visibleLength(join(kept)) > width) {
    const droppable = kept.filter((part) => part.keep > 0)
    if (droppable.length === 0) break
    const least = droppable.reduce((a, b) => (b.keep < a.keep ? b : a))
    kept = kept.filter((part) => part !== least)
  }
  return join(kept)
}

/** `text` cut to `width` visible characters with an ellipsis; plain text only. */
export function cut(text: string, width: number): string {
  const chars = [...text]
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`
}
