// A fetch stub that answers every call with one prebuilt body, so a figure measures what the SDK does after the
// bytes arrive (decode, parse, check and map) and not a transport. The answer is Response-shaped over prebuilt
// bytes, read in one chunk (a WHATWG Response would add its stream machinery and an encode per call); the SDK's
// fetch transport decodes the UTF-8 itself, as it must with any real answer.

const REQUEST_ID = 'b3c1f9de-5a7e-4c1a-9d65-2f0e8e3b7a10'

class StubResponse {
  status = 200
  ok = true
  statusText = 'OK'
  redirected = false
  type = 'basic'
  bodyUsed = false
  constructor(text, url, bytes = Buffer.from(text)) {
    this.bodyText = text
    this.bytes = bytes
    this.url = url
    this.body = oneChunkBody(bytes)
    this.headers = new Headers({ 'content-type': 'application/json', 'x-ucloud-request-uuid': REQUEST_ID })
  }
  text() {
    return Promise.resolve(this.bodyText)
  }
  json() {
    return Promise.resolve(JSON.parse(this.bodyText))
  }
  clone() {
    return new StubResponse(this.bodyText, this.url, this.bytes)
  }
}

/** The part of a ReadableStream the fetch transport reads: one chunk, then done. */
function oneChunkBody(bytes) {
  return {
    getReader() {
      let read = false
      return {
        read() {
          if (read) return Promise.resolve({ done: true, value: undefined })
          read = true
          return Promise.resolve({ done: false, value: bytes })
        },
        cancel: () => Promise.resolve(),
      }
    },
    cancel: () => Promise.resolve(),
  }
}

/**
 * `fetch` answering `text`; `real: true` answers a WHATWG Response over `bytes` instead.
 * @param {string} text
 * @param {{ real?: boolean, bytes?: Uint8Array }} [options]
 * @returns {typeof fetch} a fetch-compatible function (its answers are Response-shaped)
 */
export function stubFetch(text, { real = false, bytes } = {}) {
  if (real) {
    const headers = { 'content-type': 'application/json', 'x-ucloud-request-uuid': REQUEST_ID }
    return async () => new Response(/** @type {BodyInit} */ (bytes), { status: 200, headers })
  }
  const prebuilt = Buffer.from(text)
  return /** @type {any} */ (async (input) => new StubResponse(text, String(input), prebuilt))
}
