// Content-Encoding on the Node transport: one node:zlib stream per encoded answer, fed as bytes arrive so a
// compressed bomb is stopped by the decoded-size limit before it is all downloaded.
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib'

export type Coding = 'gzip' | 'deflate' | 'br'

/** What a decoder tells its reader. */
export interface DecoderSink {
  decoded(chunk: Buffer): void
  decodedEnd(): void
  decodeFailed(error: Error): void
  /** The decoder took what it was given: the source may resume. */
  decoderDrained(): void
}

/**
 * The coding of a Content-Encoding value: undefined when there is none (absent, empty, `identity`), the coding
 * to undo, or `{ unsupported }` naming what this transport cannot decode (an unknown coding, or several).
 */
export function codingOf(
  header: string | string[] | undefined,
): Coding | undefined | { unsupported: string } {
  if (header === undefined) return undefined
  const value = (typeof header === 'string' ? header : header.join(',')).trim().toLowerCase()
  if (value === '' || value === 'identity') return undefined
  if (value === 'gzip' || value === 'x-gzip') return 'gzip'
  if (value === 'br' || value === 'deflate') return value
  const codings = value.split(',').map((token) => token.trim())
  const applied = codings.filter((token) => token !== '' && token !== 'identity')
  if (applied.length === 1 && applied[0] !== value) return codingOf(applied[0])
  return { unsupported: value.length > 40 ? `${value.slice(0, 40)}…` : value }
}

// Larger than zlib's 16 KiB default: a 12 MB page decodes in a quarter of the events.
const CHUNK = 64 * 1024

type Stream = ReturnType<typeof createGunzip>

/** Undoes one coding, bytes in as they arrive, decoded chunks out to `sink`. */
export class BodyDecoder {
  #stream: Stream | undefined
  #head: Buffer | undefined
  #destroyed = false

  constructor(
    coding: Coding,
    private readonly sink: DecoderSink,
  ) {
    // deflate waits for its first two bytes: servers send it zlib-wrapped (RFC 9110) or raw (old IIS), alike.
    if (coding !== 'deflate')
      this.#stream = this.#open(coding === 'gzip' ? createGunzip : createBrotliDecompress)
  }

  /** False when the decoder holds enough: pause the source until {@link DecoderSink.decoderDrained}. */
  write(chunk: Buffer): boolean {
    if (this.#destroyed) return true
    if (this.#stream === undefined) {
      const head = this.#head === undefined ? chunk : Buffer.concat([this.#head, chunk])
      if (head.length < 2) {
        this.#head = head
        return true
      }
      this.#head = undefined
      this.#stream = this.#open(isZlibHeader(head) ? createInflate : createInflateRaw)
      return this.#stream.write(head)
    }
    return this.#stream.write(chunk)
  }

  end(): void {
    if (this.#destroyed) return
    if (this.#stream === undefined) {
      // Fewer than two bytes of deflate: nothing, or too little to be valid either way.
      this.#stream = this.#open(createInflate)
      if (this.#head !== undefined) this.#stream.write(this.#head)
    }
    this.#stream.end()
  }

  /** Stops decoding at once (the answer was refused or abandoned). */
  destroy(): void {
    this.#destroyed = true
    this.#stream?.destroy()
  }

  #open(create: (options: { chunkSize: number }) => Stream): Stream {
    const stream = create({ chunkSize: CHUNK })
    const sink = this.sink
    stream.on('data', (chunk: Buffer) => {
      if (!this.#destroyed) sink.decoded(chunk)
    })
    stream.on('end', () => {
      if (!this.#destroyed) sink.decodedEnd()
    })
    stream.on('error', (error: Error) => {
      if (!this.#destroyed) sink.decodeFailed(error)
    })
    stream.on('drain', () => sink.decoderDrained())
    return stream
  }
}

/** RFC 1950: compression method 8 in the low nibble, and the first two bytes a multiple of 31. */
function isZlibHeader(head: Buffer): boolean {
  const cmf = head[0] ?? 0
  const flg = head[1] ?? 0
  return (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0
}
