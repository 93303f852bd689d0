// The smallest Response the generated runtime and this SDK need, over an already-read body: building a WHATWG
// Response (and its Headers) per call costs more than the rest of the request path on a keep-alive socket.

type RawHeaders = Readonly<Record<string, string | string[] | undefined>>

/** Read-only headers over undici's lower-cased header object. */
class BufferedHeaders {
  constructor(private readonly raw: RawHeaders) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()]
    if (value === undefined) return null
    return Array.isArray(value) ? value.join(', ') : value
  }

  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined
  }

  forEach(callback: (value: string, name: string) => void): void {
    for (const name of Object.keys(this.raw)) {
      const value = this.get(name)
      if (value !== null) callback(value, name)
    }
  }
}

/**
 * A Response-compatible answer whose body was read in full: `status`, `ok`, `headers.get`, `text()`, `json()`,
 * `arrayBuffer()` and `clone()`. The body can be read any number of times (clones share it).
 */
export class BufferedResponse {
  readonly headers: BufferedHeaders
  readonly type = 'basic'
  readonly redirected = false
  readonly body = null
  readonly bodyUsed = false

  constructor(
    readonly status: number,
    private readonly rawHeaders: RawHeaders,
    private readonly bodyText: string,
    readonly url: string,
  ) {
    this.headers = new BufferedHeaders(rawHeaders)
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300
  }

  get statusText(): string {
    return ''
  }

  text(): Promise<string> {
    return Promise.resolve(this.bodyText)
  }

  json(): Promise<unknown> {
    try {
      return Promise.resolve(JSON.parse(this.bodyText))
    } catch (error) {
      return Promise.reject(error)
    }
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(new TextEncoder().encode(this.bodyText).buffer as ArrayBuffer)
  }

  clone(): BufferedResponse {
    return new BufferedResponse(this.status, this.rawHeaders, this.bodyText, this.url)
  }
}
