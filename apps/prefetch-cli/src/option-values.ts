// Readers for option values. Each throws an Error saying what is accepted; readWith() attaches one to its
// option, so the message names the option and quotes the value safely.
import type { Option } from 'commander'
import { UsageError } from './errors.js'
import { quote } from './printable.js'
import { parseDuration, parseTime } from './time.js'

/**
 * Gives `option` the reader `read`. Its error becomes a UsageError naming the option, the value quoted through
 * quote(): commander's own message for a bad value would echo it raw (newlines, escape sequences, megabytes).
 */
export function readWith<T>(option: Option, read: (value: string, previous: T) => T): Option {
  return option.argParser((value: string, previous: T) => {
    try {
      return read(value, previous)
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error)
      throw new UsageError(`option '${option.flags}' argument ${quote(value)} is invalid. ${why}`)
    }
  })
}

/** --status, --output: one of `choices`, in any case (`FAILURE` as `1H` is read for `--since`). */
export function oneOf<T extends string>(choices: readonly T[]): (value: string) => T {
  return (value) => {
    const choice = choices.find((c) => c === value.trim().toLowerCase())
    if (choice === undefined) throw new Error(`Allowed choices are ${choices.join(', ')}.`)
    return choice
  }
}

/** --since/--until: a reader anchored at `nowMs` (durations mean "that long before now"). */
export function timeValue(nowMs: number): (value: string) => number {
  return (value) => parseTime(value, nowMs)
}

/** --watch-timeout: seconds, or a duration such as 30m. */
export function durationValue(value: string): number {
  return parseDuration(value)
}

/** --task-id: repeatable and comma-separated; each id once, in the order given. */
export function collectTaskIds(value: string, previous: string[]): string[] {
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '')
  if (ids.length === 0) throw new Error('Give a task id.')
  return [...previous, ...ids.filter((id, i) => !previous.includes(id) && ids.indexOf(id) === i)]
}

export function positiveInt(value: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN
  if (!(n >= 1)) throw new Error('Give a whole number of 1 or more.')
  // A huge number is no number: read as Infinity it would quietly mean "no limit".
  if (!Number.isSafeInteger(n)) throw new Error(`Give at most ${Number.MAX_SAFE_INTEGER}.`)
  return n
}

export function positiveSeconds(value: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new Error('Give a number of seconds above 0.')
  }
  return n
}

export function httpUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error('Give an absolute http(s) URL.')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('Give an http(s) URL.')
  return value
}

/** --profile: a name, not blank (a blank one would silently mean `default`). */
export function profileName(value: string): string {
  if (value.trim() === '') throw new Error('Give a profile name.')
  if (value.trim() !== value) throw new Error('Give the name without surrounding spaces.')
  return value
}
