import { describe, expect, it } from 'vitest'
import type { ReceivedParams } from './read-params.js'
import { signedParamsOf } from './signed-params.js'
import type { WireValue } from './wire-value.js'

function received(entries: Record<string, WireValue>): ReceivedParams {
  return Object.assign(Object.create(null), entries)
}

describe('signedParamsOf', () => {
  it('signs flat values as they are, a JSON integer with its digits as written', () => {
    expect(
      signedParamsOf(received({ Action: 'A', IsDcdn: false, Limit: { json: '9007199254740993' } })),
    ).toEqual([{ Action: 'A', IsDcdn: false, Limit: '9007199254740993' }])
  })

  it('signs a number not written as an integer as the double it reads as', () => {
    expect(signedParamsOf(received({ X: { json: '1e2' }, Y: { json: '1.50' } }))).toEqual([
      { X: 100, Y: 1.5 },
    ])
  })

  it('offers the Go signer’s reading and a flattening signer’s for arrays and null', () => {
    const [go, flat] = signedParamsOf(
      received({ Action: 'A', TaskId: ['a', { json: '1e21' }, true], Status: null }),
    )
    expect(go).toEqual({ Action: 'A', TaskId: 'a1000000000000000000000true', Status: '' })
    expect(flat).toEqual({ Action: 'A', 'TaskId.0': 'a', 'TaskId.1': 1e21, 'TaskId.2': true })
  })

  it('offers only the Go reading when an array beside its own indexed key could not have been flattened', () => {
    expect(signedParamsOf(received({ TaskId: ['a'], 'TaskId.0': 'b' }))).toEqual([
      { TaskId: 'a', 'TaskId.0': 'b' },
    ])
  })
})
