import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseFormPairs, percentDecode } from './form-pairs.js'

describe('parseFormPairs', () => {
  it('splits as WHATWG does: & separates, the first = splits, + is a space, empty sequences are skipped', () => {
    expect(parseFormPairs('a=1&&b=x=y&c&d=e+f%20g')).toEqual({
      ok: true,
      pairs: [
        ['a', '1'],
        ['b', 'x=y'],
        ['c', ''],
        ['d', 'e f g'],
      ],
    })
  })

  it('agrees with URLSearchParams on every string of valid UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const encoded = new URLSearchParams([[text, text]]).toString()
        expect(parseFormPairs(`${encoded}&${encoded}`)).toEqual({
          ok: true,
          pairs: [...new URLSearchParams(`${encoded}&${encoded}`)],
        })
      }),
    )
  })

  it('names the parameter whose value is not UTF-8, and the raw name when the name is not', () => {
    expect(parseFormPairs('Action=A&ProjectId=%C0%AF')).toEqual({
      ok: false,
      name: 'ProjectId',
      raw: '%C0%AF',
    })
    expect(parseFormPairs('Action=A&%ED%A0%80=1')).toEqual({ ok: false, name: undefined, raw: '%ED%A0%80' })
  })
})

describe('percentDecode', () => {
  it.each(['%C0%AF', '%ED%A0%80', '%FF', '%80', '%E2%82', '%F4%90%80%80'])(
    'refuses %s (not UTF-8)',
    (raw) => {
      expect(percentDecode(raw)).toBeUndefined()
    },
  )

  it('keeps a BOM and a stray % as they are', () => {
    expect(percentDecode('%EF%BB%BFAction')).toBe('\uFEFFAction')
    expect(percentDecode('100%')).toBe('100%')
    expect(percentDecode('%zz%4')).toBe('%zz%4')
    expect(percentDecode('%e2%9c%93')).toBe('✓')
  })
})
