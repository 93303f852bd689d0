// Readers for option values. Each throws commander's InvalidArgumentError, which names the option.
import { InvalidArgumentError } from 'commander'
import { parseDuration, parseTime } from './time.js'

/** --since/--until: a reader anchored at `nowMs` (durations mean "that long before now"). */
export function timeValue(nowMs: number): (value: string) => number {
  return (value) => rethrow(() => parseTime(value, nowMs))
}

/** --watch-timeout: seconds, or a duration such as 30m. */
export function durationValue(value: string): number {
  return rethrow(() => parseDuration(value))
}

/** --task-id: repeatable and comma-separated; each id once, in the order given. */
export function collectTaskIds(value: string, previous: string[]): string[] {
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '')
  if (ids.length === 0) throw new InvalidArgumentError('Give a task id.')
  return [...previous, ...ids.filter((id, i) => !previous.includes(id) && ids.indexOf(id) === i)]
}

export function positiveInt(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
    throw new InvalidArgumentError('Give a whole number of 1 or more.')
  }
  return Number(value)
}

export function positiveSeconds(value: string): number {
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) {
    throw new InvalidArgumentError('Give a number of seconds above 0.')
  }
  return n
}

export function httpUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InvalidArgumentError('Give an absolute http(s) URL.')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InvalidArgumentError('Give an http(s) URL.')
  return value
}

function rethrow<T>(read: () => T): T {
  try {
    return read()
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message)
  }
}
