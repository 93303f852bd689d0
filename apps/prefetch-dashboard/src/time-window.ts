/** The window choices the page offers, newest-first lengths; `custom` reads two datetime-local inputs. */
export const WINDOW_PRESETS = [
  { id: '1h', label: 'Last hour', seconds: 3_600 },
  { id: '6h', label: 'Last 6 hours', seconds: 6 * 3_600 },
  { id: '24h', label: 'Last 24 hours', seconds: 24 * 3_600 },
] as const

export type WindowPresetId = (typeof WINDOW_PRESETS)[number]['id']

export const DEFAULT_WINDOW: WindowPresetId = '24h'

export type WindowChoice =
  | { readonly kind: 'preset'; readonly preset: WindowPresetId }
  /** `since`/`until` as an `<input type="datetime-local">` gives them (local time); an empty `until` means now. */
  | { readonly kind: 'custom'; readonly since: string; readonly until: string }

/** A query window in Unix seconds, as the API takes it. */
export type TimeWindow = { readonly since: number; readonly until: number }

export type WindowResult =
  | { readonly ok: true; readonly window: TimeWindow }
  | { readonly ok: false; readonly message: string }

/** Turns the picker's choice into a window ending at `nowMs` (presets slide with every poll). */
export function resolveTimeWindow(choice: WindowChoice, nowMs: number): WindowResult {
  const now = Math.floor(nowMs / 1000)
  if (choice.kind === 'preset') {
    const preset = WINDOW_PRESETS.find((p) => p.id === choice.preset)
    if (preset === undefined)
      return { ok: false, message: `Unknown time window ${JSON.stringify(choice.preset)}.` }
    return { ok: true, window: { since: now - preset.seconds, until: now } }
  }
  const since = parseLocalDateTime(choice.since)
  if (since === undefined) return { ok: false, message: 'Choose when the custom window starts.' }
  const until = choice.until === '' ? now : parseLocalDateTime(choice.until)
  if (until === undefined)
    return { ok: false, message: 'The end of the custom window is not a valid date and time.' }
  if (since >= until) return { ok: false, message: 'The custom window must start before it ends.' }
  return { ok: true, window: { since, until } }
}

/** Reads the picker's `<select>` value. */
export function isWindowPresetId(value: string): value is WindowPresetId {
  return WINDOW_PRESETS.some((p) => p.id === value)
}

/** Unix seconds for `YYYY-MM-DDTHH:MM[:SS]` in local time (what datetime-local inputs hold), or undefined. */
export function parseLocalDateTime(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return undefined
  const ms = new Date(value).getTime() // ECMAScript reads a date-time without an offset as local time
  return Number.isFinite(ms) && ms >= 0 ? Math.floor(ms / 1000) : undefined
}

/** The datetime-local value (minutes) for Unix seconds, to prefill the custom inputs. */
export function toLocalDateTimeInput(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}
