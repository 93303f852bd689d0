import { describe, expect, it } from 'vitest'
import { printable, QUOTE_MAX, quote } from './printable.js'

/** Every character a terminal acts on or reorders by, and a lone surrogate. */
const UNPRINTABLE = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  0x061c,
  0x200e,
  0x200f,
  ...Array.from({ length: 7 }, (_, i) => 0x2028 + i),
  ...Array.from({ length: 4 }, (_, i) => 0x2066 + i),
  0xd800,
  0xdfff,
].map((code) => String.fromCharCode(code))

/** True when `text` holds nothing from UNPRINTABLE. */
const clean = (text: string) => !UNPRINTABLE.some((char) => text.includes(char))

describe('printable', () => {
  it('escapes each control character visibly', () => {
    expect(printable('a\nb\rc\td')).toBe('a\\nb\\rc\\td')
    expect(printable('\u0000\u0007\u001b[2J\u007f')).toBe('\\x00\\x07\\x1b[2J\\x7f')
    expect(printable('\u0085\u009b31m')).toBe('\\x85\\x9b31m')
    expect(printable('abc\u202edcba\u2066x\u2069\u2028\u2029\u200f')).toBe(
      'abc\\u202edcba\\u2066x\\u2069\\u2028\\u2029\\u200f',
    )
  })

  it('leaves every control character out of what it returns', () => {
    const all = UNPRINTABLE.join('.')
    expect(clean(printable(all))).toBe(true)
    expect(printable(all).length).toBeGreaterThan(UNPRINTABLE.length * 4)
  })

  it('keeps ordinary text, unicode, emoji, quotes and backslashes as they are', () => {
    for (const text of ['https://cdn.example.com/a b.js', '任务-💥', 'ünïcödé', 'say "hi" \\ bye', '']) {
      expect(printable(text)).toBe(text)
    }
  })

  it('escapes a lone surrogate but not a pair', () => {
    expect(printable('x\ud83dy')).toBe('x\\ud83dy')
    expect(printable('\ud83d\udca5')).toBe('💥')
  })
})

describe('quote', () => {
  it('quotes a short value whole', () => {
    expect(quote('3 days')).toBe('"3 days"')
    expect(quote('')).toBe('""')
    expect(quote('x'.repeat(QUOTE_MAX))).toBe(`"${'x'.repeat(QUOTE_MAX)}"`)
  })

  it('escapes control characters, quotes and backslashes, so the value stays one quoted piece', () => {
    expect(quote('now\nERROR: forged')).toBe('"now\\nERROR: forged"')
    expect(quote('\u001b[2J\u001b[31mred')).toBe('"\\x1b[2J\\x1b[31mred"')
    expect(quote('a"b\\c')).toBe('"a\\"b\\\\c"')
    expect(clean(quote(UNPRINTABLE.join('.'), 1_000))).toBe(true)
  })

  it('cuts a long value to about 40 characters with an ellipsis', () => {
    const cut = quote('x'.repeat(QUOTE_MAX + 1))
    expect(cut).toBe(`"${'x'.repeat(QUOTE_MAX - 1)}…"`)
    expect(quote('9'.repeat(1_000_000))).toBe(`"${'9'.repeat(QUOTE_MAX - 1)}…"`)
    expect(quote('abcdef', 4)).toBe('"abc…"')
  })

  it('counts escapes towards the length and never cuts one in half', () => {
    const quoted = quote('\u001b'.repeat(100))
    expect(quoted).toBe(`"${'\\x1b'.repeat(9)}…"`)
    expect(quote('ab\ncd', 4)).toBe('"ab…"')
  })

  it('never cuts an emoji in half', () => {
    expect(quote('💥'.repeat(50))).toBe(`"${'💥'.repeat(19)}…"`)
  })
})
