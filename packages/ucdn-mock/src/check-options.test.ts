import { ScloudError } from '@scloud/signer'
import { describe, expect, it } from 'vitest'
import { DEMO_CREDENTIALS } from './credentials.js'
import { UcdnMockError } from './errors.js'
import { createUcdnHandlers } from './handlers.js'
import { startMockServer } from './node/server.js'

function refusal(run: () => unknown): UcdnMockError {
  try {
    run()
  } catch (error) {
    if (error instanceof UcdnMockError) return error
    throw error
  }
  throw new Error('expected INVALID_OPTION')
}

async function serverRefusal(options: unknown): Promise<UcdnMockError> {
  const error = await startMockServer(options as never).then(
    async (server) => {
      await server.close()
      throw new Error('expected INVALID_OPTION, but the server started')
    },
    (e: unknown) => e,
  )
  if (error instanceof UcdnMockError) return error
  throw error
}

describe('createUcdnHandlers refuses bad options at once, naming them', () => {
  it.each<[string, unknown, string]>([
    ['null options', null, 'createUcdnHandlers options must be an object, got null'],
    ['keyPairs that is one pair, not a list', { keyPairs: DEMO_CREDENTIALS }, 'keyPairs must be an array'],
    ['a backend that is not one', { backend: 'x' }, 'backend must be an object whose action-named members'],
    [
      'a backend whose action member is not a method',
      { backend: { DescribeNewUcdnPrefetchCacheTask: 'x' } },
      'backend must be an object whose action-named members are methods',
    ],
    ['faults that are not an injector', { faults: 'x' }, 'faults must be a fault injector'],
    ['a clock without now()', { clock: {} }, 'clock must be an object with a now() method'],
    [
      'a zero maxBodyBytes',
      { maxBodyBytes: 0 },
      'maxBodyBytes must be a positive whole number of bytes, got 0',
    ],
    ['a misspelt option', { keypairs: [] }, 'unknown option "keypairs"'],
    ['an inherited name', JSON.parse('{"__proto__": {}}'), 'unknown option "__proto__"'],
  ])('%s', (_, options, message) => {
    const error = refusal(() => createUcdnHandlers(options as never))
    expect(error.code).toBe('INVALID_OPTION')
    expect(error.message).toContain(message)
  })
})

describe('startMockServer refuses bad options before listening, naming them', () => {
  it.each<[string, unknown, string]>([
    [
      'a host that is a number (Node would take it as the backlog and listen everywhere)',
      { host: 5 },
      'host must be a non-empty string (an address or a host name), got 5',
    ],
    ['a port given as a string', { port: '8080' }, 'port must be a whole number from 0 to 65535, got "8080"'],
    ['a basePath that is a number', { basePath: 5 }, 'basePath must be a path that starts with /'],
    ['a baseUrl (the server has a url, not a baseUrl)', { baseUrl: 'http://x' }, 'baseUrl must be not given'],
    ['cors as a string', { cors: 'yes' }, 'cors must be true or false'],
    ['null options', null, 'startMockServer options must be an object, got null'],
  ])('%s', async (_, options, message) => {
    const error = await serverRefusal(options)
    expect(error.code).toBe('INVALID_OPTION')
    expect(error.message).toContain(message)
  })
})

describe('an option refused is a ScloudError naming the option in `field`', () => {
  it.each<[string, () => unknown, string | undefined]>([
    ['a misspelt option', () => createUcdnHandlers({ keypairs: [] } as never), 'keypairs'],
    ['a bad value', () => createUcdnHandlers({ maxBodyBytes: 0 }), 'maxBodyBytes'],
    ['options that are not an object', () => createUcdnHandlers(null as never), undefined],
    ['a baseUrl that is not a URL', () => createUcdnHandlers({ baseUrl: 'nope' }), 'baseUrl'],
    ['a half key pair', () => createUcdnHandlers({ keyPairs: [{ publicKey: 'p' } as never] }), 'keyPairs[0]'],
    ['domains beside a backend', () => createUcdnHandlers({ backend: {}, domains: [] }), 'domains'],
  ])('%s', (_, run, field) => {
    const error = refusal(run)
    expect(error).toBeInstanceOf(ScloudError)
    expect(error).toMatchObject({ name: 'UcdnMockError', code: 'INVALID_OPTION', source: 'config', field })
  })

  it('startMockServer names a header timeout above the request timeout', async () => {
    const error = await serverRefusal({ requestTimeoutMs: 1000, headersTimeoutMs: 2000 })
    expect(error).toMatchObject({ code: 'INVALID_OPTION', field: 'headersTimeoutMs', source: 'config' })
  })

  it('startMockServer names a port given as a string', async () => {
    expect(await serverRefusal({ port: '8080' })).toMatchObject({ field: 'port', source: 'config' })
  })
})
