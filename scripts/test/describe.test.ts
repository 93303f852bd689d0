// describe.mjs: what a value must be, in words, read off the compiled schema (the words of INVALID_INPUT and
// INVALID_RESPONSE messages, which generated checks carry).
import { expect, it, describe as suite } from 'vitest'
import { describe, type SchemaIr } from '../codegen/describe.mjs'

const none = new Map()

suite('describe: what a value must be, from the schema compiler IR', () => {
  it.each<[string, SchemaIr, string]>([
    ['a string', { kind: 'string' }, 'a string'],
    ['a non-empty string', { kind: 'string', minLength: 1 }, 'a non-empty string'],
    ['a bounded string', { kind: 'string', minLength: 2, maxLength: 8 }, 'a string of 2 to 8 characters'],
    ['a patterned string', { kind: 'string', pattern: '^a+$' }, 'a string matching /^a+$/'],
    [
      'a pattern with a slash',
      { kind: 'string', pattern: '^https?://' },
      'a string matching /^https?:\\/\\//',
    ],
    ['an integer ≥ 0', { kind: 'integer', minimum: 0 }, 'an integer ≥ 0'],
    ['a bounded integer', { kind: 'integer', minimum: 0, maximum: 99 }, 'an integer from 0 to 99'],
    ['an int32', { kind: 'integer', format: 'int32' }, 'an integer from -2147483648 to 2147483647'],
    ['an int32 ≥ 0', { kind: 'integer', format: 'int32', minimum: 0 }, 'an integer from 0 to 2147483647'],
    ['a number ≤ 1', { kind: 'number', maximum: 1 }, 'a number ≤ 1'],
    ['a boolean', { kind: 'boolean' }, 'a boolean'],
    ['an enum', { kind: 'string', enum: ['file', 'dir'] }, 'one of file, dir'],
    [
      'a union',
      { kind: 'union', branches: [{ kind: 'integer' }, { kind: 'string', pattern: '^-?[0-9]+$' }] },
      'an integer or a string matching /^-?[0-9]+$/',
    ],
    ['an array', { kind: 'array', items: { kind: 'string', minLength: 1 } }, 'an array of non-empty strings'],
    [
      'a bounded array',
      { kind: 'array', items: { kind: 'integer' }, minItems: 1, maxItems: 100 },
      'an array of integers (1 to 100 items)',
    ],
    [
      'an array of an enum',
      { kind: 'array', items: { kind: 'string', enum: ['x', 'y'] } },
      'an array of values, each one of x, y',
    ],
    ['an object', { kind: 'object', properties: [] }, 'an object'],
  ])('%s', (_, ir, expected) => {
    expect(describe(ir, none)).toBe(expected)
  })

  it('follows a $ref', () => {
    const irs = new Map([['Status', { kind: 'string', enum: ['a', 'b'] }]])
    expect(describe({ kind: 'ref', name: 'Status' }, irs)).toBe('one of a, b')
    expect(describe({ kind: 'array', items: { kind: 'ref', name: 'Status' } }, irs)).toBe(
      'an array of values, each one of a, b',
    )
  })
})
