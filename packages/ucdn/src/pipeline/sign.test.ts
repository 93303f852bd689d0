import { fromStatic, signedFormBody } from '@scloud/signer'
import { describe, expect, it } from 'vitest'
import { fixedCredentials, sign } from './sign.js'

const keys = { publicKey: 'pub-key', privateKey: 'private-key' }
const flat = () => ({ Action: 'DescribeNewUcdnPrefetchCacheTask', 'TaskId.0': 't-1' })

describe('sign', () => {
  it('signs at once, without a promise, once fixed credentials have settled', async () => {
    const provider = fixedCredentials(keys)
    await provider()
    const body = sign('A', flat(), provider)
    expect(typeof body).toBe('string')
    expect(body).toBe(signedFormBody({ ...flat(), PublicKey: keys.publicKey }, keys))
  })

  it('asks any other provider on every attempt, and signs the same', async () => {
    let asked = 0
    const provider = async () => {
      asked++
      return fromStatic(keys)()
    }
    const first = sign('A', flat(), provider)
    expect(first).toBeInstanceOf(Promise)
    expect(await first).toBe(sign('A', flat(), await settled(fixedCredentials(keys))))
    await sign('A', flat(), provider)
    expect(asked).toBe(2)
  })

  it('refuses bad fixed credentials when they are given, as fromStatic does', () => {
    expect(() => fixedCredentials({ publicKey: '', privateKey: 'x' })).toThrow(/publicKey/)
  })
})

async function settled<T extends () => Promise<unknown>>(provider: T): Promise<T> {
  await provider()
  await Promise.resolve()
  return provider
}
