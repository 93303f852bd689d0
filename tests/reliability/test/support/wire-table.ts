// The wire rows of the fault matrix (issue #14, findings 1 and 2): redirects and content encodings, faults a
// proxy or a hostile origin causes and the mock never does. Each row says what the server sends and what the
// SDK must make of it; the same rows run on the Node transport and on the fetch transport (msw, a caller's fetch).
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib'
import type { UcdnErrorCode } from '@scloud/ucdn'

export const OK_ANSWER = {
  RetCode: 0,
  Action: 'DescribeNewUcdnPrefetchCacheTaskResponse',
  TotalCount: 3,
  TaskList: [],
}

/** What the server answers: status, headers and body bytes. */
export interface WireAnswer {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: Uint8Array
}

export interface WireRow {
  readonly name: string
  readonly answer: () => WireAnswer
  /** The page's totalCount when the SDK must accept the answer. */
  readonly totalCount?: number
  /** Otherwise the error: never retried, one request. */
  readonly code?: UcdnErrorCode
  readonly httpStatus?: number
  /** Text the message must contain, and text it must not (a redirect's path and query). */
  readonly says?: string
  readonly neverSays?: string
  /** msw's fetch interceptor inflates zlib-wrapped deflate only (a real server's raw deflate is the Node
   *  transport's and the browser's to decode): under msw this row is a clean INVALID_RESPONSE instead. */
  readonly mswCannotDecode?: boolean
}

/** Where the redirects point: another origin, with a path and query that must never be quoted or visited. */
export const ELSEWHERE = 'https://elsewhere.example:8443'
const json = new TextEncoder().encode(JSON.stringify(OK_ANSWER))
const encodedAs = (coding: string, bytes: Uint8Array): WireAnswer => ({
  status: 200,
  headers: { 'content-type': 'application/json', 'content-encoding': coding },
  body: bytes,
})

export const WIRE_ROWS: readonly WireRow[] = [
  ...[301, 302, 303, 307, 308].map(
    (status): WireRow => ({
      name: `HTTP ${status} to another origin: never followed`,
      answer: () => ({
        status,
        headers: { location: `${ELSEWHERE}/collect?Signature=replay-me` },
        body: new TextEncoder().encode('moved'),
      }),
      code: 'HTTP_ERROR',
      httpStatus: status,
      says: ELSEWHERE,
      neverSays: 'replay-me',
    }),
  ),
  { name: 'gzip', answer: () => encodedAs('gzip', gzipSync(json)), totalCount: 3 },
  { name: 'deflate (zlib-wrapped)', answer: () => encodedAs('deflate', deflateSync(json)), totalCount: 3 },
  {
    name: 'deflate (raw)',
    answer: () => encodedAs('deflate', deflateRawSync(json)),
    totalCount: 3,
    mswCannotDecode: true,
  },
  { name: 'br', answer: () => encodedAs('br', brotliCompressSync(json)), totalCount: 3 },
  {
    name: 'a UTF-8 BOM before the JSON',
    answer: () => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([0xef, 0xbb, 0xbf, ...json]),
    }),
    totalCount: 3,
  },
  {
    name: 'a gzip bomb (1 MiB of zeros in ~1 KB) past maxResponseBytes of decoded bytes',
    answer: () => encodedAs('gzip', gzipSync(new Uint8Array(1 << 20))),
    code: 'INVALID_RESPONSE',
    says: 'maxResponseBytes (65536 bytes)',
  },
]

/** The limit the rows run with: the bomb's decoded size is far past it, every good answer far below. */
export const MAX_RESPONSE_BYTES = 65_536
