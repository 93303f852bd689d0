// Everything run() touches in the outside world, injected so tests run in-process with a fake clock.

/** The part of a Node writable stream this tool uses. */
export interface OutputStream {
  write(chunk: string): unknown
  readonly isTTY?: boolean
  readonly columns?: number
}

export interface Io {
  readonly stdout: OutputStream
  readonly stderr: OutputStream
  readonly env: Readonly<Record<string, string | undefined>>
  /** Milliseconds since the epoch. */
  readonly now: () => number
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Replaces the HTTP transport (tests); by default the SDK picks its own. */
  readonly fetch?: typeof fetch
  /** Aborts whatever is in flight (Ctrl-C). */
  readonly signal?: AbortSignal
}
