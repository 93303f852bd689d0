// The signing middleware on the generated client, against a real HTTP server on 127.0.0.1 (not a mock of
// fetch): what arrives is exactly what PROTOCOL.md describes.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  Configuration,
  type DescribeNewUcdnPrefetchCacheTaskOperationRequest,
  type Middleware,
  PrefetchApi,
} from '@scloud/ucdn-client'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { signingMiddleware, verifySignature } from '../src/index.js'

const PUBLIC_KEY = 'it-public-key@example.com'
const SECRET = 'it-private-SECRET-c0ffee'

interface Captured {
  method: string | undefined
  url: string | undefined
  headers: IncomingHttpHeaders
  body: string
}

let server: Server
let basePath: string
let captured: Captured[] = []

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => {
      body += chunk
    })
    request.on('end', () => {
      captured.push({ method: request.method, url: request.url, headers: request.headers, body })
      const params = Object.fromEntries(new URLSearchParams(body))
      const ok = verifySignature(params, SECRET)
      response.setHeader('Content-Type', 'application/json')
      response.end(
        JSON.stringify({
          Action: 'DescribeNewUcdnPrefetchCacheTaskResponse',
          RetCode: ok ? 0 : 171,
          ...(ok ? { TotalCount: 0, TaskList: [] } : { Message: 'signature error' }),
        }),
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  basePath = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
})

beforeEach(() => {
  captured = []
})

function client(...middleware: Middleware[]): PrefetchApi {
  return new PrefetchApi(new Configuration({ basePath, middleware }))
}

const request: DescribeNewUcdnPrefetchCacheTaskOperationRequest = {
  describeNewUcdnPrefetchCacheTaskRequest: {
    action: 'DescribeNewUcdnPrefetchCacheTask',
    projectId: 'org-123',
    taskId: ['a', 'b'],
    beginTime: 1700000000,
    endTime: 1700086400,
    status: 'success',
    offset: 0,
    limit: 50,
    isDcdn: false,
  },
}

describe('signingMiddleware on the generated client', () => {
  it('sends POST / with a form body that verifies and carries every parameter in indexed form', async () => {
    const api = client(signingMiddleware({ publicKey: PUBLIC_KEY, privateKey: SECRET }))
    const response = await api.describeNewUcdnPrefetchCacheTask(request)
    expect(response.retCode).toBe(0)

    expect(captured).toHaveLength(1)
    const [sent] = captured as [Captured]
    expect(sent.method).toBe('POST')
    expect(sent.url).toBe('/')
    expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded')
    const params = Object.fromEntries(new URLSearchParams(sent.body))
    expect(params).toEqual({
      Action: 'DescribeNewUcdnPrefetchCacheTask',
      ProjectId: 'org-123',
      'TaskId.0': 'a',
      'TaskId.1': 'b',
      BeginTime: '1700000000',
      EndTime: '1700086400',
      Status: 'success',
      Offset: '0',
      Limit: '50',
      IsDcdn: 'false',
      PublicKey: PUBLIC_KEY,
      Signature: expect.stringMatching(/^[0-9a-f]{40}$/),
    })
    expect(verifySignature(params, SECRET)).toBe(true)
  })

  it('never puts the private key in the URL, the headers or the body', async () => {
    const api = client(signingMiddleware({ publicKey: PUBLIC_KEY, privateKey: SECRET }))
    await api.describeNewUcdnPrefetchCacheTask(request)
    const [sent] = captured as [Captured]
    for (const part of [sent.url, JSON.stringify(sent.headers), sent.body, decodeURIComponent(sent.body)]) {
      expect(part).not.toContain(SECRET)
    }
  })

  it('signs each attempt afresh when a retry middleware placed before it runs the pipeline again', async () => {
    let attempts = 0
    // Like a retry policy: the first answer is dropped and the request is sent again through context.fetch.
    const retry: Middleware = {
      async post(context) {
        attempts++
        if (attempts === 1) return context.fetch(context.url, context.init)
        return undefined
      },
    }
    const api = client(retry, signingMiddleware({ publicKey: PUBLIC_KEY, privateKey: SECRET }))
    const response = await api.describeNewUcdnPrefetchCacheTask(request)
    expect(response.retCode).toBe(0)
    expect(captured).toHaveLength(2)
    const [first, second] = captured as [Captured, Captured]
    expect(second.url).toBe('/')
    expect(second.body).toBe(first.body)
    expect(second.body.match(/(^|&)Signature=/g)).toHaveLength(1)
    expect(verifySignature(Object.fromEntries(new URLSearchParams(second.body)), SECRET)).toBe(true)
  })

  it('round-trips unicode and form-significant characters to the server exactly', async () => {
    const api = client(signingMiddleware({ publicKey: PUBLIC_KEY, privateKey: SECRET }))
    const tricky = ['a+b', 'c&d=e', 'sp ace', '100%', '日本語', '😀', '']
    await api.describeNewUcdnPrefetchCacheTask({
      describeNewUcdnPrefetchCacheTaskRequest: {
        ...request.describeNewUcdnPrefetchCacheTaskRequest,
        taskId: tricky,
      },
    })
    const params = Object.fromEntries(new URLSearchParams((captured[0] as Captured).body))
    expect(tricky.map((_, i) => params[`TaskId.${i}`])).toEqual(tricky)
    expect(verifySignature(params, SECRET)).toBe(true)
  })
})
