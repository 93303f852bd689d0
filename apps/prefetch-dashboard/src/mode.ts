/** Where the page reads prefetch tasks: `demo` = the SDK against msw's worker in this tab, `live` = the BFF. */
export type DashboardMode = 'demo' | 'live'

export type ModeSettings = {
  readonly mode: DashboardMode
  /** Demo only: how many times faster than real time the fake tasks progress (1–100). */
  readonly demoSpeed: number
}

export const MAX_DEMO_SPEED = 100

/**
 * The mode from the page's query (`?mode=live`, `?speed=10`), else the build's `VITE_UCDN_MODE`, else demo.
 * Throws a {@link ModeError} for a value it does not know, rather than silently showing the other mode.
 */
export function resolveMode(search: string, buildMode: string | undefined): ModeSettings {
  const query = new URLSearchParams(search)
  const mode = query.get('mode') ?? (buildMode || 'demo')
  if (mode !== 'demo' && mode !== 'live') {
    throw new ModeError(`Unknown mode ${JSON.stringify(mode)}: use ?mode=demo or ?mode=live.`)
  }
  const speedText = query.get('speed')
  if (speedText === null) return { mode, demoSpeed: 1 }
  const speed = Number(speedText)
  if (mode !== 'demo' || !Number.isFinite(speed) || speed < 1 || speed > MAX_DEMO_SPEED) {
    throw new ModeError(`?speed= needs demo mode and a number from 1 to ${MAX_DEMO_SPEED}, got ${speedText}.`)
  }
  return { mode, demoSpeed: speed }
}

export class ModeError extends Error {
  override readonly name = 'ModeError'
  readonly code = 'INVALID_MODE'
}
