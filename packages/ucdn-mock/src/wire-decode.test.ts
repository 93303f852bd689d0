import { operations } from '@scloud/ucdn-client/schemas'
import { describe, expect, it } from 'vitest'
import type { JsonNumber, ReceivedParams, WireValue } from './read-params.js'
import { decodeWireParams, SUPPORTED_WIRE_TYPES, wireTypesOf } from './wire-decode.js'

const wireTypes = wireTypesOf(operations.DescribeNewUcdnPrefetchCacheTask)

function received(entries: Record<string, WireValue>): ReceivedParams {
  return Object.assign(Object.create(null), entries)
}

/** A JSON number as the body wrote it. */
function num(json: string): JsonNumber {
  return { json }
}

describe('decodeWireParams', () => {
  it('decodes the reference request example from query strings into typed logical parameters', () => {
    const result = decodeWireParams(
      wireTypes,
      received({
        Action: 'DescribeNewUcdnPrefetchCacheTask',
        ProjectId: 'xxxxx',
        'TaskId.0': 'feTvWytY',
        BeginTime: '2',
        EndTime: '3',
        Status: 'success',
        Offset: '1',
        Limit: '1',
        IsDcdn: 'false',
      }),
      'query',
    )
    expect(result).toEqual({
      ok: true,
      value: {
        Action: 'DescribeNewUcdnPrefetchCacheTask',
        ProjectId: 'xxxxx',
        TaskId: ['feTvWytY'],
        BeginTime: 2,
        EndTime: 3,
        Status: 'success',
        Offset: 1,
        Limit: 1,
        IsDcdn: false,
      },
    })
  })

  it('orders indexed keys by index, not by name (TaskId.10 after TaskId.2)', () => {
    const params: Record<string, string> = {}
    for (let i = 11; i >= 0; i--) params[`TaskId.${i}`] = `t${i}`
    const result = decodeWireParams(wireTypes, received(params), 'form')
    expect(result.ok && result.value.TaskId).toEqual(Array.from({ length: 12 }, (_, i) => `t${i}`))
  })

  it('accepts typed JSON values and rejects a right value in the wrong JSON type', () => {
    const ok = decodeWireParams(
      wireTypes,
      received({ 'TaskId.0': 'a', Limit: num('10'), IsDcdn: true }),
      'json',
    )
    expect(ok).toEqual({ ok: true, value: { TaskId: ['a'], Limit: 10, IsDcdn: true } })
    const bad = decodeWireParams(wireTypes, received({ Limit: '10' }), 'json')
    expect(bad).toEqual({
      ok: false,
      problem: { param: 'Limit', field: 'Limit', detail: 'expected a JSON number, got a JSON string' },
    })
    expect(decodeWireParams(wireTypes, received({ IsDcdn: 'true' }), 'json').ok).toBe(false)
    expect(decodeWireParams(wireTypes, received({ ProjectId: num('7') }), 'json').ok).toBe(false)
  })

  it.each(['1e2', '1E2', '1.0', '100.0', '1.5', '1e-0'])(
    'refuses the JSON number %s for an integer parameter: an integer must be written as one',
    (json) => {
      expect(decodeWireParams(wireTypes, received({ Limit: num(json) }), 'json')).toEqual({
        ok: false,
        problem: {
          param: 'Limit',
          field: 'Limit',
          detail: `expected a JSON integer written without a fraction or an exponent, got ${json}`,
        },
      })
    },
  )

  it('accepts JSON integers as written, negative ones and 0 included (the schema judges their range)', () => {
    for (const json of ['0', '-1', '100', '9007199254740991']) {
      expect(decodeWireParams(wireTypes, received({ Limit: num(json) }), 'json')).toEqual({
        ok: true,
        value: { Limit: Number(json) },
      })
    }
    expect(decodeWireParams(wireTypes, received({ Limit: num('9007199254740993') }), 'json').ok).toBe(false)
  })

  describe('the Go SDK’s JSON shape', () => {
    it('reads a JSON array as the list and null as a parameter not given', () => {
      const result = decodeWireParams(
        wireTypes,
        received({ TaskId: ['a', 'b'], Status: null, Limit: num('2'), IsDcdn: null }),
        'json',
      )
      expect(result).toEqual({ ok: true, value: { TaskId: ['a', 'b'], Limit: 2 } })
      expect(decodeWireParams(wireTypes, received({ TaskId: null }), 'json')).toEqual({ ok: true, value: {} })
      expect(decodeWireParams(wireTypes, received({ TaskId: [] }), 'json')).toEqual({ ok: true, value: {} })
    })

    it('refuses an array item of the wrong JSON type, naming its position', () => {
      expect(decodeWireParams(wireTypes, received({ TaskId: ['a', num('2')] }), 'json')).toEqual({
        ok: false,
        problem: { param: 'TaskId[1]', field: 'TaskId', detail: 'expected a JSON string, got a JSON number' },
      })
    })

    it('refuses an array for a single value, and a list given both ways', () => {
      expect(decodeWireParams(wireTypes, received({ Limit: [num('1')] }), 'json')).toEqual({
        ok: false,
        problem: { param: 'Limit', field: 'Limit', detail: 'expected a single value, got a JSON array' },
      })
      expect(decodeWireParams(wireTypes, received({ TaskId: ['a'], 'TaskId.0': 'b' }), 'json')).toEqual({
        ok: false,
        problem: {
          param: 'TaskId',
          field: 'TaskId',
          detail: 'given both as a JSON array and as indexed keys',
        },
      })
      expect(decodeWireParams(wireTypes, received({ 'TaskId.0': ['b'] }), 'json')).toEqual({
        ok: false,
        problem: { param: 'TaskId.0', field: 'TaskId', detail: 'expected a single value, got a JSON array' },
      })
    })
  })

  it.each([
    ['Offset', 'abc'],
    ['Limit', '1.5'],
    ['Limit', '1e3'],
    ['Limit', ' 1'],
    ['Limit', ''],
    ['BeginTime', '99999999999999999999'],
    ['IsDcdn', 'TRUE'],
    ['IsDcdn', '1'],
  ])('refuses %s=%j from a form, naming the parameter', (param, value) => {
    expect(decodeWireParams(wireTypes, received({ [param]: value }), 'form')).toEqual({
      ok: false,
      problem: { param, field: param },
    })
  })

  it('leaves a negative integer to the schema (it is an integer, just not a natural number)', () => {
    expect(decodeWireParams(wireTypes, received({ Limit: '-1' }), 'form')).toEqual({
      ok: true,
      value: { Limit: -1 },
    })
  })

  it('refuses an unindexed array parameter (TaskId=a)', () => {
    expect(decodeWireParams(wireTypes, received({ TaskId: 'a' }), 'query')).toEqual({
      ok: false,
      problem: {
        param: 'TaskId',
        field: 'TaskId',
        detail: 'send a list as indexed keys TaskId.0, TaskId.1, …',
      },
    })
  })

  it('refuses indexes that do not start at 0 or leave a gap', () => {
    expect(decodeWireParams(wireTypes, received({ 'TaskId.1': 'a' }), 'form')).toEqual({
      ok: false,
      problem: {
        param: 'TaskId.0',
        field: 'TaskId',
        detail: 'indexes of TaskId must run from TaskId.0 without gaps',
      },
    })
    const gap = decodeWireParams(wireTypes, received({ 'TaskId.0': 'a', 'TaskId.2': 'c' }), 'form')
    expect(gap.ok === false && gap.problem.param).toBe('TaskId.1')
  })

  it.each(['TaskId.01', 'TaskId.-1', 'TaskId.a', 'TaskId.0.Name', 'TaskId.'])(
    'refuses a malformed index %s',
    (key) => {
      const result = decodeWireParams(wireTypes, received({ [key]: 'a' }), 'form')
      expect(result).toEqual({
        ok: false,
        problem: { param: key, field: 'TaskId', detail: 'not an index: send TaskId.0, TaskId.1, …' },
      })
    },
  )

  it('ignores parameters the spec does not name, as the real gateway does', () => {
    const result = decodeWireParams(
      wireTypes,
      received({ PublicKey: 'pk', Signature: 's', Region: 'hk', 'Limit.0': 'x', 'Foo.Bar': '1', Limit: '2' }),
      'form',
    )
    expect(result).toEqual({ ok: true, value: { Limit: 2 } })
  })

  it('supports every scalar wire type and its list form', () => {
    const types = { S: 'string', I: 'integer', N: 'number', B: 'boolean', L: 'number[]' }
    expect([...SUPPORTED_WIRE_TYPES].sort()).toEqual(
      ['boolean', 'boolean[]', 'integer', 'integer[]', 'number', 'number[]', 'string', 'string[]'].sort(),
    )
    const result = decodeWireParams(
      types,
      received({ S: 'x', I: '-3', N: '65.722', B: 'true', 'L.0': '0.0000001', 'L.1': '2' }),
      'form',
    )
    expect(result).toEqual({ ok: true, value: { S: 'x', I: -3, N: 65.722, B: true, L: [1e-7, 2] } })
    expect(decodeWireParams(types, received({ N: '1e-7' }), 'form').ok).toBe(false)
  })
})
