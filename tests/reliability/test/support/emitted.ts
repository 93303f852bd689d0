// Everything a value can show a person or a log: its message, stack, cause chain, JSON, inspection, String().
import { inspect } from 'node:util'

/** Collects the printable forms of values, to search them for secrets afterwards. */
export class Emitted {
  readonly texts: string[] = []

  add(value: unknown): void {
    this.collect(value, 0)
  }

  /** Every collected text joined: search it for a secret. */
  all(): string {
    return this.texts.join('\n')
  }

  private collect(value: unknown, depth: number): void {
    if (typeof value === 'string') {
      this.texts.push(value)
      return
    }
    this.texts.push(inspect(value))
    this.texts.push(inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true }))
    this.texts.push(inspect(value, { depth: Number.POSITIVE_INFINITY, customInspect: false }))
    this.tryPush(() => JSON.stringify(value))
    this.tryPush(() => String(value))
    if (value !== null && typeof value === 'object') {
      this.tryPush(() => JSON.stringify({ ...value }))
      this.tryPush(() => JSON.stringify(Object.entries(value)))
    }
    if (value instanceof Error && depth < 10) {
      this.texts.push(value.message, value.stack ?? '')
      if (value.cause !== undefined) this.collect(value.cause, depth + 1)
    }
  }

  private tryPush(make: () => string | undefined): void {
    try {
      const text = make()
      if (text !== undefined) this.texts.push(text)
    } catch {
      // Not every value has every form (a circular structure has no JSON); the others still count.
    }
  }
}
