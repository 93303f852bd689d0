// Server-side handlers for transport tests: compressed answers, compressed bombs, redirects.
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import {
  brotliCompressSync,
  constants,
  createBrotliCompress,
  createDeflate,
  createDeflateRaw,
  createGzip,
  deflateRawSync,
  deflateSync,
  gzipSync,
} from 'node:zlib'
import type { Handler } from './local-server.js'

/** `deflate-raw` is sent as `Content-Encoding: deflate` without the zlib wrapper, as old servers do. */
export type TestCoding = 'gzip' | 'deflate' | 'deflate-raw' | 'br'

export const TEST_CODINGS: readonly TestCoding[] = ['gzip', 'deflate', 'deflate-raw', 'br']

export function compress(coding: TestCoding, bytes: Buffer): Buffer {
  switch (coding) {
    case 'gzip':
      return gzipSync(bytes)
    case 'deflate':
      return deflateSync(bytes)
    case 'deflate-raw':
      return deflateRawSync(bytes)
    case 'br':
      return brotliCompressSync(bytes)
  }
}

const headerOf = (coding: TestCoding) => (coding === 'deflate-raw' ? 'deflate' : coding)

/** Answers `body` compressed with `coding`, in two pieces split inside the compressed bytes. */
export function encoded(coding: TestCoding, body: string | Buffer, status = 200): Handler {
  return (_request, response) => {
    const bytes = compress(coding, typeof body === 'string' ? Buffer.from(body) : body)
    response.writeHead(status, {
      'content-type': 'application/json',
      'content-encoding': headerOf(coding),
      'x-ucloud-request-uuid': 'req-encoded',
    })
    const half = bytes.length >> 1
    response.write(bytes.subarray(0, half))
    setImmediate(() => response.end(bytes.subarray(half)))
  }
}

export interface Bomb {
  readonly handler: Handler
  /** MiB of zeros the server has compressed so far. */
  produced(): number
}

/**
 * A compressed bomb: up to `mebibytes` MiB of zeros (1 GiB by default), compressed as the client reads. A client
 * that stops at its limit and drops the socket stops the server long before the end.
 */
export function bomb(coding: TestCoding, mebibytes = 1024): Bomb {
  let produced = 0
  const zeros = Buffer.alloc(1 << 20)
  const handler: Handler = (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': headerOf(coding) })
    const source = Readable.from(
      (function* () {
        for (; produced < mebibytes; produced++) yield zeros
      })(),
    )
    pipeline(source, compressor(coding), response).catch(() => {})
  }
  return { handler, produced: () => produced }
}

function compressor(coding: TestCoding) {
  switch (coding) {
    case 'gzip':
      return createGzip({ level: 1 })
    case 'deflate':
      return createDeflate({ level: 1 })
    case 'deflate-raw':
      return createDeflateRaw({ level: 1 })
    case 'br':
      return createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 1 } })
  }
}

/** Answers `status` with `Location: location` and a small body. */
export function redirect(status: number, location: string | undefined): Handler {
  return (_request, response) => {
    response.writeHead(status, location === undefined ? {} : { location })
    response.end('moved')
  }
}
