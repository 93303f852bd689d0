import { inspect } from 'node:util'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { rejectionOf } from '../test/support/errors.js'
import { fromEnv } from './from-env.js'

const PUBLIC_KEY = 'env-public-key'
const SECRET = 'env-private-SECRET-31337'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('fromEnv', () => {
  it('reads UCLOUD_PUBLIC_KEY and UCLOUD_PRIVATE_KEY', async () => {
    const credentials = await fromEnv({ UCLOUD_PUBLIC_KEY: PUBLIC_KEY, UCLOUD_PRIVATE_KEY: SECRET })()
    expect(credentials.publicKey).toBe(PUBLIC_KEY)
    expect(credentials.privateKey).toBe(SECRET)
    expect(JSON.stringify(credentials)).not.toContain(SECRET)
  })

  it('reads process.env by default, at call time', async () => {
    const provider = fromEnv()
    vi.stubEnv('UCLOUD_PUBLIC_KEY', PUBLIC_KEY)
    vi.stubEnv('UCLOUD_PRIVATE_KEY', SECRET)
    expect((await provider()).publicKey).toBe(PUBLIC_KEY)
  })

  it('fails naming UCLOUD_PRIVATE_KEY when only the public key is set', async () => {
    const error = await rejectionOf(fromEnv({ UCLOUD_PUBLIC_KEY: PUBLIC_KEY })())
    expect(error.code).toBe('CREDENTIALS_INCOMPLETE')
    expect(error.message).toBe(
      'UCLOUD_PUBLIC_KEY is set but UCLOUD_PRIVATE_KEY is not; set both, or neither to use another credential source.',
    )
  })

  it('fails naming UCLOUD_PUBLIC_KEY when only the private key is set, without showing it', async () => {
    const error = await rejectionOf(fromEnv({ UCLOUD_PRIVATE_KEY: SECRET })())
    expect(error.code).toBe('CREDENTIALS_INCOMPLETE')
    expect(error.message).toContain('UCLOUD_PRIVATE_KEY is set but UCLOUD_PUBLIC_KEY is not')
    expect(inspect(error)).not.toContain(SECRET)
  })

  it('reports not found, for a chain to move on, when neither is set', async () => {
    const error = await rejectionOf(fromEnv({ OTHER: 'x' })())
    expect(error.code).toBe('CREDENTIALS_NOT_FOUND')
    expect(error.message).toBe('Neither UCLOUD_PUBLIC_KEY nor UCLOUD_PRIVATE_KEY is set.')
  })

  it('counts an empty variable as unset', async () => {
    expect((await rejectionOf(fromEnv({ UCLOUD_PUBLIC_KEY: '', UCLOUD_PRIVATE_KEY: '' })())).code).toBe(
      'CREDENTIALS_NOT_FOUND',
    )
    expect(
      (await rejectionOf(fromEnv({ UCLOUD_PUBLIC_KEY: PUBLIC_KEY, UCLOUD_PRIVATE_KEY: '' })())).code,
    ).toBe('CREDENTIALS_INCOMPLETE')
  })

  it('reports not found where the runtime has no environment (a browser)', async () => {
    vi.stubGlobal('process', undefined)
    const provider = fromEnv()
    vi.unstubAllGlobals()
    const error = await rejectionOf(provider())
    expect(error.code).toBe('CREDENTIALS_NOT_FOUND')
    expect(error.message).toContain('No environment variables')
  })

  it('rejects a key with surrounding whitespace, naming the variable but not the value', async () => {
    const error = await rejectionOf(
      fromEnv({ UCLOUD_PUBLIC_KEY: PUBLIC_KEY, UCLOUD_PRIVATE_KEY: ` ${SECRET}` })(),
    )
    expect(error.code).toBe('CREDENTIALS_INVALID')
    expect(error.message).toBe(
      'The environment variable UCLOUD_PRIVATE_KEY has leading or trailing whitespace; give the key exactly as issued.',
    )
  })
})

describe('fromEnv refuses an env that is not one', () => {
  it.each([
    ['a string', 'x', 'got string'],
    ['null', null, 'got null'],
  ])('%s → a TypeError naming the argument, at once', (_, env, got) => {
    expect(() => fromEnv(env as never)).toThrow(TypeError)
    expect(() => fromEnv(env as never)).toThrow(
      `fromEnv: env must be an object of environment variables, ${got}.`,
    )
  })
})
