import type { FaultInjector } from '../../src/index.js'

/**
 * Counts the requests a server receives from now on (clearing other faults): a fault consulted first that
 * never fires. Retries of a real client are seen where they land, whatever the client reports.
 */
export function countAttempts(faults: FaultInjector): { count(): number } {
  faults.clear()
  let seen = 0
  faults.add(
    { kind: 'latency', ms: 0 },
    {
      times: Infinity,
      match: () => {
        seen++
        return false
      },
    },
  )
  return { count: () => seen }
}
