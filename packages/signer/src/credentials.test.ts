import { Console } from 'node:console'
import { Writable } from 'node:stream'
import { format, inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { errorOf, rejectionOf } from '../test/support/errors.js'
import { createCredentials, fromStatic } from './credentials.js'
import { CredentialsError } from './credentials-error.js'

const PUBLIC_KEY = 'public-key-AbC123'
const SECRET = 'private-key-SECRET-9f8e7d'

describe('fromStatic', () => {
  it('resolves the given key pair', async () => {
    const credentials = await fromStatic({ publicKey: PUBLIC_KEY, privateKey: SECRET })()
    expect(credentials.publicKey).toBe(PUBLIC_KEY)
    expect(credentials.privateKey).toBe(SECRET)
  })

  it('resolves the same object every time', async () => {
    const provider = fromStatic({ publicKey: PUBLIC_KEY, privateKey: SECRET })
    expect(await provider()).toBe(await provider())
  })

  it('rejects an empty, missing or non-string key at once, naming which', () => {
    const cases: [unknown, string][] = [
      [
        { publicKey: '', privateKey: SECRET },
        'The publicKey given is empty; give the key exactly as issued.',
      ],
      [{ publicKey: PUBLIC_KEY }, 'The privateKey given is missing; give the key exactly as issued.'],
      [{ publicKey: PUBLIC_KEY, privateKey: 42 }, 'The privateKey given is a number, not a string;'],
      [undefined, 'The publicKey given is missing;'],
    ]
    for (const [input, message] of cases) {
      const error = errorOf(() => fromStatic(input as never))
      expect(error.code).toBe('CREDENTIALS_INVALID')
      expect(error.message).toContain(message)
    }
  })

  it('names the key at fault in field, with source credentials', () => {
    expect(errorOf(() => fromStatic({ publicKey: PUBLIC_KEY, privateKey: ' x' }))).toMatchObject({
      field: 'privateKey',
      source: 'credentials',
    })
    expect(errorOf(() => fromStatic({ publicKey: '', privateKey: SECRET })).field).toBe('publicKey')
  })

  it('rejects a key with surrounding whitespace without showing the key', () => {
    const error = errorOf(() => fromStatic({ publicKey: PUBLIC_KEY, privateKey: `${SECRET}\n` }))
    expect(error.code).toBe('CREDENTIALS_INVALID')
    expect(error.message).toBe(
      'The privateKey given has leading or trailing whitespace; give the key exactly as issued.',
    )
    expect(inspect(error)).not.toContain(SECRET)
  })
})

describe('credentials objects never show the private key', () => {
  const credentials = createCredentials(PUBLIC_KEY, SECRET, { publicKey: 'p', privateKey: 'k' })

  it('still give the private key to code that asks for it', () => {
    expect(credentials.privateKey).toBe(SECRET)
  })

  it('redact it in JSON.stringify', () => {
    expect(JSON.stringify(credentials)).toBe(`{"publicKey":"${PUBLIC_KEY}","privateKey":"[redacted]"}`)
    expect(JSON.stringify({ nested: [credentials] })).not.toContain(SECRET)
  })

  it('redact it in String() and template literals', () => {
    const expected = `Credentials { publicKey: "${PUBLIC_KEY}", privateKey: [redacted] }`
    expect(String(credentials)).toBe(expected)
    expect(`${credentials}`).toBe(expected)
    expect(`${credentials as unknown as string}`).not.toContain(SECRET)
  })

  // Only `customInspect: false`, an explicit request to bypass this, together with `getters: true` shows it.
  it('redact it in util.inspect, with hidden properties and getters shown', () => {
    expect(inspect(credentials)).toBe(`Credentials { publicKey: "${PUBLIC_KEY}", privateKey: [redacted] }`)
    expect(inspect({ credentials }, { depth: 5, showHidden: true, getters: true })).not.toContain(SECRET)
    expect(inspect(credentials, { showHidden: true, getters: true })).not.toContain(SECRET)
    expect(format('%o %O %s %j', credentials, credentials, credentials, credentials)).not.toContain(SECRET)
  })

  it('redact it in console.log', () => {
    let output = ''
    const sink = new Writable({
      write(chunk, _encoding, done) {
        output += String(chunk)
        done()
      },
    })
    const console = new Console({ stdout: sink, stderr: sink })
    console.log(credentials)
    console.log('credentials: %s', credentials)
    console.dir(credentials, { showHidden: true })
    console.error({ credentials })
    expect(output).toContain(PUBLIC_KEY)
    expect(output).not.toContain(SECRET)
  })

  it('keep it out of Object.keys, entries, spread and structuredClone', () => {
    expect(Object.keys(credentials)).toEqual(['publicKey'])
    expect(Object.entries(credentials)).toEqual([['publicKey', PUBLIC_KEY]])
    expect(Reflect.ownKeys(credentials)).toEqual(['publicKey'])
    expect({ ...credentials }).toEqual({ publicKey: PUBLIC_KEY })
    expect(JSON.stringify(structuredClone(credentials))).not.toContain(SECRET)
  })

  it('cannot be changed', () => {
    expect(() => {
      ;(credentials as { publicKey: string }).publicKey = 'other'
    }).toThrow(TypeError)
    expect(credentials.publicKey).toBe(PUBLIC_KEY)
  })
})

describe('CredentialsError', () => {
  it('is an Error with a name and a stable code', async () => {
    const error = await rejectionOf(Promise.reject(new CredentialsError('CREDENTIALS_NOT_FOUND', 'none')))
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('CredentialsError')
    expect(error.code).toBe('CREDENTIALS_NOT_FOUND')
  })
})
