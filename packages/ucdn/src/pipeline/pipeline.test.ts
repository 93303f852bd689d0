import { DescribeNewUcdnPrefetchCacheTask } from '@scloud/ucdn-client'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../config.js'
import type { WireRequest, WireTransport } from '../transport/wire.js'
import { execute, type PipelineContext, prepare } from './pipeline.js'
import { fixedCredentials } from './sign.js'

const OK = JSON.stringify({
  RetCode: 0,
  Action: 'DescribeNewUcdnPrefetchCacheTaskResponse',
  TotalCount: 0,
  TaskList: [],
})

function recordingContext(): { context: PipelineContext; requests: WireRequest[] } {
  const requests: WireRequest[] = []
  const transport: WireTransport = {
    send: async (request) => {
      requests.push(request)
      return { status: 200, header: () => undefined, body: OK }
    },
    close: async () => {},
  }
  const config = resolveConfig({ baseUrl: 'http://127.0.0.1:9', projectId: 'p-1', env: {}, timeoutMs: 1000 })
  const credentials = fixedCredentials({ publicKey: 'pk', privateKey: 'sk' })
  return { context: { config, transport, credentials }, requests }
}

describe('execute', () => {
  it('sends every call of a client to the same URL with the same frozen headers, built once', async () => {
    const { context, requests } = recordingContext()
    const call = () => {
      const wire = prepare(context, DescribeNewUcdnPrefetchCacheTask, {}, { method: 'send', names: 'model' })
      return execute(context, DescribeNewUcdnPrefetchCacheTask, wire, undefined)
    }
    await call()
    await call()
    const [first, second] = requests
    expect(first?.url).toBe('http://127.0.0.1:9/')
    expect(first?.headers).toMatchObject({ 'content-type': 'application/x-www-form-urlencoded' })
    expect(second?.headers).toBe(first?.headers)
    expect(Object.isFrozen(first?.headers)).toBe(true)
  })
})
