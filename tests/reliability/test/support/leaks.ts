// What a test leaves behind: unhandled rejections, active handles (sockets, timers), server-side connections.
import diagnostics from 'node:diagnostics_channel'
import type { Socket } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'

/** Collects every unhandled rejection from now until `dispose()`. */
export function collectUnhandledRejections(): { readonly reasons: unknown[]; dispose(): void } {
  const reasons: unknown[] = []
  const listener = (reason: unknown) => {
    reasons.push(reason)
  }
  process.on('unhandledRejection', listener)
  return { reasons, dispose: () => process.off('unhandledRejection', listener) }
}

/** `process.getActiveResourcesInfo()` as counts per resource type (`TCPSocketWrap`, `Timeout`, …). */
export function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1
  return counts
}

/** The resource types that have more entries now than in `baseline`, with both counts. */
export function resourcesAbove(baseline: Readonly<Record<string, number>>): Record<string, string> {
  const now = activeResources()
  const above: Record<string, string> = {}
  for (const [type, count] of Object.entries(now)) {
    // An Immediate is the event loop's own next turn (our polling included), never a leak on its own.
    if (type === 'Immediate') continue
    if (count > (baseline[type] ?? 0)) above[type] = `${baseline[type] ?? 0} → ${count}`
  }
  return above
}

/**
 * Polls until `check` returns undefined (nothing left over) or `withinMs` passes; returns the last complaint.
 * Closing a socket takes the peer a few event-loop turns to notice; this waits for that, never longer.
 */
export async function settled<T>(check: () => T | undefined, withinMs = 3_000): Promise<T | undefined> {
  const deadline = performance.now() + withinMs
  for (;;) {
    const complaint = check()
    if (complaint === undefined || performance.now() > deadline) return complaint
    await delay(10)
  }
}

/** Nothing above the baseline, or a description of what is. */
export async function leftAbove(baseline: Readonly<Record<string, number>>): Promise<Record<string, string>> {
  const complaint = await settled(() => {
    const above = resourcesAbove(baseline)
    return Object.keys(above).length === 0 ? undefined : above
  })
  return complaint ?? {}
}

/**
 * Tracks every TCP connection a server in this process accepts (node:net's `net.server.socket` diagnostics
 * channel), so a test can count the standalone mock server's open connections without reaching into it.
 */
export function trackServerSockets(): {
  open(): number
  accepted(): number
  dispose(): void
} {
  const open = new Set<Socket>()
  let accepted = 0
  const onSocket = (message: unknown) => {
    const socket = (message as { socket: Socket }).socket
    accepted += 1
    open.add(socket)
    socket.once('close', () => open.delete(socket))
  }
  diagnostics.subscribe('net.server.socket', onSocket)
  return {
    open: () => open.size,
    accepted: () => accepted,
    dispose: () => diagnostics.unsubscribe('net.server.socket', onSocket),
  }
}
