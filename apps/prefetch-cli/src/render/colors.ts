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

export function createColors(enabled: boolean): Colors {
  return picocolors.createColors(enabled)
}

/** The API's statuses, colored by meaning; values outside the documented set are kept (printable), in magenta. */
export function paintStatus(status: string | undefined, c: Colors): string {
  switch (status) {
    case 'success':
      return c.green(status)
    case 'failure':
      return c.red(status)
    case 'process':
      return c.cyan(status)
    case 'wait':
      return c.yellow(status)
    case undefined:
    case '':
      return c.dim('-')
    default:
      return c.magenta(printable(status))
  }
}
