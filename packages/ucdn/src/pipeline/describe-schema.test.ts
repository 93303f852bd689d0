import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { describeSchema, fieldSchema } from './describe-schema.js'

describe('describeSchema: what a value must be, read off a zod/mini schema', () => {
  it.each<[string, z.core.$ZodType, string]>([
    ['a string', z.string(), 'a string'],
    ['a non-empty string', z.string().check(z.minLength(1)), 'a non-empty string'],
    ['a bounded string', z.string().check(z.minLength(2), z.maxLength(8)), 'a string of 2 to 8 characters'],
    ['a patterned string', z.string().check(z.regex(/^a+$/)), 'a string matching /^a+$/'],
    ['an integer ≥ 0', z.int().check(z.gte(0)), 'an integer ≥ 0'],
    ['a bounded integer', z.int().check(z.gte(0), z.lte(99)), 'an integer from 0 to 99'],
    ['an int32', z.int32(), 'an integer from -2147483648 to 2147483647'],
    ['a number below 1', z.number().check(z.lt(1)), 'a number < 1'],
    ['an integer below 1', z.int().check(z.lt(1)), 'an integer ≤ 0'],
    ['a boolean', z.boolean(), 'a boolean'],
    ['an enum', z.enum(['file', 'dir']), 'one of file, dir'],
    ['an optional enum', z.optional(z.enum(['a'])), 'one of a'],
    ['a union', z.union([z.int(), z.string()]), 'an integer or a string'],
    ['an array', z.array(z.string().check(z.minLength(1))), 'an array of non-empty strings'],
    [
      'a bounded array',
      z.array(z.int()).check(z.minLength(1), z.maxLength(100)),
      'an array of integers (1 to 100 items)',
    ],
    ['an array of an enum', z.array(z.enum(['x', 'y'])), 'an array of values, each one of x, y'],
  ])('%s', (_, schema, expected) => {
    expect(describeSchema(schema)).toBe(expected)
  })

  it('finds a field, or the element of an array field, of an object schema', () => {
    const object = z.object({ Ids: z.optional(z.array(z.string().check(z.minLength(1)))), N: z.int() })
    expect(describeSchema(fieldSchema(object, 'Ids', false) as z.core.$ZodType)).toBe(
      'an array of non-empty strings',
    )
    expect(describeSchema(fieldSchema(object, 'Ids', true) as z.core.$ZodType)).toBe('a non-empty string')
    expect(fieldSchema(object, 'Missing', false)).toBeUndefined()
  })
})
