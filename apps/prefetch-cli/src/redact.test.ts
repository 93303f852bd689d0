import { describe, expect, it } from 'vitest'
import { RedactingStream, redact } from './redact.js'

describe('redact', () => {
  it('hides signatures in form, JSON and log shapes', () => {
    const sig = '0123456789abcdef0123456789abcdef01234567'
    expect(redact(`Action=X&Signature=${sig}&PublicKey=p`, [])).toBe(
      'Action=X&Signature=[redacted]&PublicKey=p',
    )
    expect(redact(`{"Signature":"${sig}"}`, [])).toBe('{"Signature":"[redacted]"}')
    expect(redact(`signature: ${sig}`, [])).toBe('signature: [redacted]')
  })

  it('hides every occurrence of a known secret', () => {
    expect(redact('key s3cr3t-key and s3cr3t-key', ['s3cr3t-key'])).toBe('key [redacted] and [redacted]')
  })
})

describe('RedactingStream', () => {
  it('redacts secrets added later and passes isTTY and columns through', () => {
    let text = ''
    const stream = new RedactingStream({ isTTY: true, columns: 42, write: (s: string) => (text += s) })
    stream.write('before s3cr3t-private\n')
    stream.addSecret('s3cr3t-private')
    stream.write('after s3cr3t-private\n')
    expect(text).toBe('before s3cr3t-private\nafter [redacted]\n')
    expect(stream.isTTY).toBe(true)
    expect(stream.columns).toBe(42)
  })
})
