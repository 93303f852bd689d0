// Everything run() touches in the outside world, injected so tests run in-process with a fake clock.

/** The part of a Node writable stream this tool uses. */
export interface OutputStream {
  write(chunk: string): unknown
  readonly isTTY?: boolean
  readonly columns?: number
  readonly rows?: number
}

/** The part of a Node readable stream `ucdn configure` reads the private key from. */
export interface InputStream extends AsyncIterable<string | Uint8Array> {
  readonly isTTY?: boolean
  setRawMode?(mode: boolean): unknown
  setEncoding?(encoding: 'utf8'): unknown
  on?(event: 'data', listener: (chunk: string | Uint8Array) => void): unknown
  off?(event: 'data', listener: (chunk: string | Uint8Array) => void): unknown
  pause?(): unknown
  resume?(): unknown
}

export interface Io {
  /** Where `ucdn configure` reads the private key; absent, it must be piped in some other way. */
  readonly stdin?: InputStream
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
