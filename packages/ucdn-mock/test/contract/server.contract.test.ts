// The standalone server: the same handlers over real HTTP on loopback. No msw interception in this file:
// fetch and node:http reach the server through real sockets.
import { Agent, request as httpRequest, type IncomingMessage } from 'node:http'
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createManualClock,
  createReferenceBackend,
  type PrefetchBackend,
  REFERENCE_RESPONSE_EXAMPLE,
  type UcdnBackend,
} from '../../src/index.js'
import { type MockServer, type MockServerOptions, startMockServer } from '../../src/node.js'
import { ACTION, apiJson, formRequest, getRequest, jsonRequest, sign } from '../support/requests.js'

const servers: MockServer<UcdnBackend>[] = []
async function start<B extends UcdnBackend = PrefetchBackend>(options?: MockServerOptions<B>) {
  const server = await startMockServer<B>(options)
  servers.push(server)
  return server
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

const signedForm = (extra: Record<string, string | number> = {}) =>
  new URLSearchParams(Object.entries(sign({ Action: ACTION, ...extra })).map(([k, v]) => [k, String(v)]))

/** A raw node:http request, to see sockets and status codes fetch hides. */
function raw(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; agent?: Agent } = {},
): Promise<{ response: IncomingMessage; body: string; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: init.method ?? 'GET', headers: init.headers, agent: init.agent },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk) => {
          body += chunk
        })
        response.on('end', () => resolve({ response, body, reused: req.reusedSocket }))
        response.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(init.body)
  })
}

describe('startMockServer', () => {
  it('listens on 127.0.0.1 on a free port and answers GET, form and JSON alike', async () => {
    const clock = createManualClock(Date.UTC(2026, 10, 29))
    const server = await start({ clock })
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    server.backend.createTask(['https://cdn.example.com/a.js'])
    const params = sign({ Action: ACTION, 'TaskId.0': server.backend.listTasks()[0]!.taskId, Limit: 5 })
    const answers = []
    for (const request of [
      getRequest(params, server.url),
      formRequest(params, server.url),
      jsonRequest(params, server.url),
    ]) {
      const { body, requestId } = await apiJson(await fetch(request))
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/)
      answers.push(body)
    }
    expect(answers[0]).toMatchObject({ RetCode: 0, TotalCount: 1, TaskList: [{ Status: 'wait' }] })
    expect(answers[1]).toEqual(answers[0])
    expect(answers[2]).toEqual(answers[0])
  })

  it('serves the backend it is given', async () => {
    const server = await start({ backend: createReferenceBackend() })
    const { body } = await apiJson(await fetch(server.url, { method: 'POST', body: signedForm() }))
    expect(body).toStrictEqual(REFERENCE_RESPONSE_EXAMPLE)
  })

  it('answers at basePath only, 404 elsewhere', async () => {
    const server = await start({ basePath: '/ucdn' })
    expect(server.url).toMatch(/\/ucdn$/)
    expect(
      (await apiJson(await fetch(server.url, { method: 'POST', body: signedForm() }))).body,
    ).toMatchObject({
      RetCode: 0,
    })
    const elsewhere = await fetch(new URL('/other', server.url), { method: 'POST', body: signedForm() })
    expect(elsewhere.status).toBe(404)
    expect(await elsewhere.text()).toContain('/ucdn')
  })

  it('keeps connections alive between requests', async () => {
    const server = await start()
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const post = () =>
      raw(`${server.url}/`, {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: signedForm().toString(),
      })
    const first = await post()
    const second = await post()
    agent.destroy()
    expect(JSON.parse(first.body)).toMatchObject({ RetCode: 0 })
    expect(first.response.headers.connection).toBe('keep-alive')
    expect(second.reused).toBe(true)
  })

  it('answers 413 above the body limit, before reading the body, and closes the connection', async () => {
    const server = await start({ maxBodyBytes: 1_000 })
    const big = await raw(`${server.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `${signedForm()}&Pad=${'x'.repeat(2_000)}`,
    })
    expect(big.response.statusCode).toBe(413)
    expect(big.response.headers.connection).toBe('close')
    expect(big.body).toBe('Request body larger than 1000 bytes')
  })

  it('drops the connection for a connectionReset fault', async () => {
    const server = await start()
    server.faults.add({ kind: 'connectionReset' })
    await expect(fetch(server.url, { method: 'POST', body: signedForm() })).rejects.toThrow()
    expect((await fetch(server.url, { method: 'POST', body: signedForm() })).status).toBe(200)
  })

  it('passes HTTP faults through with their status and headers', async () => {
    const server = await start()
    server.faults.add({ kind: 'http', status: 429, retryAfter: 2 })
    const response = await fetch(server.url, { method: 'POST', body: signedForm() })
    expect([response.status, response.headers.get('retry-after')]).toEqual([429, '2'])
  })

  it('streams a slow body, and close() ends even that connection at once', async () => {
    const server = await start()
    server.faults.add({ kind: 'slowBody', chunkDelayMs: 600_000, chunks: 2 })
    const response = await fetch(server.url, { method: 'POST', body: signedForm() })
    expect(response.status).toBe(200)
    const text = response.text()
    await server.close()
    await expect(text).rejects.toThrow()
  })

  it('allows cross-origin calls from a browser page, and can be told not to', async () => {
    const server = await start()
    const preflight = await raw(`${server.url}/`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    })
    expect(preflight.response.statusCode).toBe(204)
    expect(preflight.response.headers['access-control-allow-origin']).toBe('*')
    expect(preflight.response.headers['access-control-allow-methods']).toBe('GET, POST')
    const answer = await fetch(server.url, { method: 'POST', body: signedForm() })
    expect(answer.headers.get('access-control-expose-headers')).toContain('X-UCLOUD-REQUEST-UUID')

    const closed = await start({ cors: false })
    const refused = await raw(`${closed.url}/`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    })
    expect(refused.response.statusCode).toBe(405)
    expect(refused.response.headers['access-control-allow-origin']).toBeUndefined()
  })

  // fetch's Request refuses TRACE, CONNECT and TRACK: such a request once reached the catch-all as HTTP 500.
  it.each(['TRACE', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'PROPFIND'])(
    'answers %s with HTTP 405 naming GET and POST, and keeps serving',
    async (method) => {
      const server = await start()
      const refused = await raw(`${server.url}/`, { method, body: method === 'HEAD' ? undefined : 'x' })
      expect(refused.response.statusCode).toBe(405)
      expect(refused.response.headers.allow).toBe('GET, POST')
      expect(refused.response.headers['content-type']).toBe('text/plain; charset=utf-8')
      expect(refused.body).toBe(method === 'HEAD' ? '' : 'Method Not Allowed: use GET or POST')
      expect((await fetch(server.url, { method: 'POST', body: signedForm() })).status).toBe(200)
    },
  )

  it('answers CONNECT, which node:http does not pass to the handlers, with HTTP 405 too', async () => {
    const server = await start()
    const { hostname, port } = new URL(server.url)
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(`CONNECT ${hostname}:${port} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n\r\n`)
      })
      let text = ''
      socket.setEncoding('utf8')
      socket.on('data', (chunk: string) => {
        text += chunk
      })
      socket.on('close', () => resolve(text))
      socket.on('error', reject)
    })
    expect(reply).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/)
    expect(reply).toMatch(/\r\nAllow: GET, POST\r\n/)
    expect(reply.endsWith('\r\n\r\nMethod Not Allowed: use GET or POST')).toBe(true)
  })

  it('closes once, however often close() is called', async () => {
    const server = await start()
    await Promise.all([server.close(), server.close()])
    await expect(server.close()).resolves.toBeUndefined()
    await expect(fetch(server.url, { method: 'POST', body: signedForm() })).rejects.toThrow()
  })

  it('builds its default backend on the domains and pacing options, and refuses them beside a backend', async () => {
    const server = await start({
      domains: [{ domainId: 'ucdn-own1', host: 'own.example.org', quota: { prefetch: 5 } }],
      prefetchIntervalMs: 0,
    })
    expect(server.backend.listDomains()).toMatchObject([{ domainId: 'ucdn-own1', quota: { prefetch: 5 } }])
    const submit = (url: string) =>
      fetch(server.url, {
        method: 'POST',
        body: signedForm({ Action: 'PrefetchNewUcdnDomainCache', 'UrlList.0': url }),
      })
    expect(await apiJson(await submit('https://own.example.org/a.js'))).toMatchObject({
      body: { RetCode: 0 },
    })
    expect(await apiJson(await submit('https://own.example.org/b.js'))).toMatchObject({
      body: { RetCode: 0 },
    })
    expect(await apiJson(await submit('https://cdn.example.com/a.js'))).toMatchObject({
      body: { RetCode: 1201 },
    })
    await expect(startMockServer({ backend: createReferenceBackend(), domains: [] })).rejects.toMatchObject({
      code: 'INVALID_OPTION',
    })
  })

  it('refuses a bad port or basePath with a UcdnMockError', async () => {
    await expect(startMockServer({ port: 70_000 })).rejects.toMatchObject({ code: 'INVALID_OPTION' })
    await expect(startMockServer({ basePath: 'ucdn' })).rejects.toMatchObject({ code: 'INVALID_OPTION' })
    await expect(startMockServer({ keyPairs: [{ publicKey: '', privateKey: '' }] })).rejects.toMatchObject({
      code: 'INVALID_OPTION',
    })
  })

  it('rejects when the port is taken', async () => {
    const server = await start()
    const port = Number(new URL(server.url).port)
    await expect(startMockServer({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' })
  })
})
