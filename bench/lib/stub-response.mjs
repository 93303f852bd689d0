// A fetch stub that answers every call with one prebuilt body, so a figure measures what the SDK does after the
// bytes arrive (parse, validate, map) and not a transport. The answer is Response-shaped, over a prebuilt string:
// a WHATWG Response would add a UTF-8 encode and decode of the whole body per call that no baseline pays.

const REQUEST_ID = 'b3c1f9de-5a7e-4c1a-9d65-2f0e8e3b7a10'

class StubResponse {
  status = 200
  ok = true
  statusText = 'OK'
  redirected = false
  type = 'basic'
  body = null
  bodyUsed = false
  constructor(text, url) {
    this.bodyText = text
    this.url = url
    this.headers = new Headers({ 'content-type': 'application/json', 'x-ucloud-request-uuid': REQUEST_ID })
  }
  text() {
    return Promise.resolve(this.bodyText)
  }
  json() {
    return Promise.resolve(JSON.parse(this.bodyText))
  }
  clone() {
    return new StubResponse(this.bodyText, this.url)
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
  return /** @type {any} */ (async (input) => new StubResponse(text, String(input)))
}
