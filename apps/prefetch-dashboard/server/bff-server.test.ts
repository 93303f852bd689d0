import { describe, expect, it } from 'vitest'
import { isLoopbackHost } from './bff-server.js'

describe('isLoopbackHost', () => {
  it('accepts loopback names with or without a port', () => {
    for (const host of ['127.0.0.1', '127.0.0.1:8787', 'localhost:5173', 'LOCALHOST', '[::1]:8787']) {
      expect(isLoopbackHost(host), host).toBe(true)
    }
  })

  it('refuses every other name, a missing header and junk', () => {
    for (const host of [
      undefined,
      '',
      'rebound.example',
      '127.0.0.1.nip.io',
      'localhost.evil.example:80',
      'a b',
    ]) {
      expect(isLoopbackHost(host), String(host)).toBe(false)
    }
  })
})
