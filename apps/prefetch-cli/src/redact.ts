import type { OutputStream } from './io.js'

/**
 * Wraps a stream so no secret reaches it: the private key (once known) and anything shaped like a signature
 * parameter. The SDK already keeps both out of its messages and logs; this is the belt to its braces, so a
 * future message that quotes a request body still cannot leak them, even with --verbose.
 */
export class RedactingStream implements OutputStream {
  readonly #secrets = new Set<string>()

  constructor(private readonly target: OutputStream) {}

  get isTTY(): boolean | undefined {
    return this.target.isTTY
  }

  get columns(): number | undefined {
    return this.target.columns
  }

  get rows(): number | undefined {
    return this.target.rows
  }

  addSecret(secret: string): void {
    if (secret.length >= 8) this.#secrets.add(secret)
  }

  write(chunk: string): unknown {
    return this.target.write(redact(chunk, this.#secrets))
  }
}

const SIGNATURE = /(Signature["']?\s*[=:]\s*["']?)[0-9a-f]{40}/gi

export function redact(text: string, secrets: Iterable<string>): string {
  let out = text.replace(SIGNATURE, '$1[redacted]')
  for (const secret of secrets) out = out.split(secret).join('[redacted]')
  return out
}
