import picocolors from 'picocolors'
import type { OutputStream } from '../io.js'
import { printable } from '../printable.js'

export type Colors = ReturnType<typeof picocolors.createColors>

/**
 * Color only on a terminal, never when NO_COLOR is set (no-color.org: present and not empty), always with
 * FORCE_COLOR (other than 0) — the usual conventions, read from the injected env rather than process.env.
 */
export function shouldColor(
  stream: OutputStream,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true
  return stream.isTTY === true && env.TERM !== 'dumb'
}

/** Colours for `stream` unless --no-color, by the conventions of shouldColor(). */
export function colorsFor(
  stream: OutputStream,
  options: { readonly color: boolean },
  env: Readonly<Record<string, string | undefined>>,
): Colors {
  return createColors(options.color && shouldColor(stream, env))
}

export function createColors(enabled: boolean): Colors {
  return picocolors.createColors(enabled)
}

/** The API's statuses, colored by meaning; values outside the documented set are kept (printable), in magenta. */
export function paintStatus(status: string | undefined, c: Colors): string {
  return paint(status, c)(status === undefined || status === '' ? '-' : printable(status))
}

/**
 * A status with a mark, so it reads without colour too: `✓ success`, `✗ failure`, `* process`, `- wait`. The
 * word is always there; the mark and the colour only repeat it.
 */
export function markStatus(status: string | undefined, c: Colors): string {
  const word = status === undefined || status === '' ? '-' : printable(status)
  return paint(status, c)(`${MARKS[status ?? ''] ?? '?'} ${word}`)
}

const MARKS: Readonly<Record<string, string>> = { success: '✓', failure: '✗', process: '*', wait: '-' }

/** The colour of a state, also for bars: red for failure, green for success. */
export function paint(status: string | undefined, c: Colors): (text: string) => string {
  switch (status) {
    case 'success':
      return c.green
    case 'failure':
      return c.red
    case 'process':
      return c.cyan
    case 'wait':
      return c.yellow
    case undefined:
    case '':
      return c.dim
    default:
      return c.magenta
  }
}
