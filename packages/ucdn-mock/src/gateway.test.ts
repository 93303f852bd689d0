import { describe, expect, it } from 'vitest'
import { checkGateway, type VerifySignature } from './gateway.js'
import type { ReceivedParams } from './read-params.js'

const keys = new Map([['pk', 'sk']])
// A stand-in verifier: this file tests the order and the answers, not the signature algorithm.
const verify: VerifySignature = (params, privateKey) => params.Signature === `good-for-${privateKey}`
const Action = 'DescribeNewUcdnPrefetchCacheTask'

function params(entries: Record<string, string | number | boolean>): ReceivedParams {
  return Object.assign(Object.create(null), entries)
}

describe('checkGateway', () => {
  it('passes a known Action with a registered PublicKey and a right Signature', () => {
    expect(checkGateway(params({ Action, PublicKey: 'pk', Signature: 'good-for-sk' }), keys, verify)).toEqual(
      {
        ok: true,
        action: Action,
        publicKey: 'pk',
      },
    )
  })

  it.each([
    ['no Action', {}, undefined, 160, 'Missing Action'],
    ['an empty Action', { Action: '' }, undefined, 160, 'Missing Action'],
    ['a JSON number as Action', { Action: 5 }, undefined, 160, 'Missing Action'],
    [
      'an unknown Action',
      { Action: 'DescribeUHostInstance' },
      'DescribeUHostInstance',
      161,
      'Action "DescribeUHostInstance" not found',
    ],
    ['an inherited name as Action', { Action: 'toString' }, 'toString', 161, 'Action "toString" not found'],
    ['no PublicKey', { Action }, Action, 172, 'Missing PublicKey'],
    [
      'an unknown PublicKey',
      { Action, PublicKey: 'who' },
      Action,
      172,
      'User not found: no account has this PublicKey',
    ],
    ['no Signature', { Action, PublicKey: 'pk' }, Action, 170, 'Missing Signature'],
    ['an empty Signature', { Action, PublicKey: 'pk', Signature: '' }, Action, 170, 'Missing Signature'],
    [
      'a wrong Signature',
      { Action, PublicKey: 'pk', Signature: 'bad' },
      Action,
      171,
      'Signature VerifyAC Error',
    ],
  ])('refuses %s', (_, given, action, retCode, message) => {
    expect(checkGateway(params(given), keys, verify)).toEqual({ ok: false, action, retCode, message })
  })

  it('checks in the real gateway’s order: Action, then PublicKey, then Signature', () => {
    expect(checkGateway(params({ Action: 'Nope', Signature: 'bad' }), keys, verify)).toMatchObject({
      retCode: 161,
    })
    expect(checkGateway(params({ Action, PublicKey: 'who', Signature: 'bad' }), keys, verify)).toMatchObject({
      retCode: 172,
    })
  })

  it('adds the reader’s hint to a missing Action', () => {
    expect(checkGateway(params({}), keys, verify, 'a POST carries its parameters in the body')).toMatchObject(
      {
        message: 'Missing Action (a POST carries its parameters in the body)',
      },
    )
  })

  it('shortens a huge unknown Action in the message', () => {
    const long = 'X'.repeat(10_000)
    const result = checkGateway(params({ Action: long }), keys, verify)
    expect(result.ok === false && result.message.length).toBeLessThan(100)
  })
})
