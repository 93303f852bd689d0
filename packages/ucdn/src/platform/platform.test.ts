import { describe, expect, expectTypeOf, it } from 'vitest'
import * as browser from './browser.js'
import * as node from './node.js'

describe('#platform', () => {
  it('offers the same names with the same types in both builds', () => {
    expect(Object.keys(browser).sort()).toEqual(Object.keys(node).sort())
    expectTypeOf(browser.createDefaultWireTransport).toEqualTypeOf(node.createDefaultWireTransport)
    expectTypeOf(browser.defaultCredentials).toEqualTypeOf(node.defaultCredentials)
    expectTypeOf(browser.readSharedConfig).toEqualTypeOf(node.readSharedConfig)
    expectTypeOf(browser.buildUserAgent)
      .parameter(0)
      .toEqualTypeOf<Parameters<typeof node.buildUserAgent>[0]>()
    expectTypeOf(browser.buildUserAgent).returns.toEqualTypeOf<ReturnType<typeof node.buildUserAgent>>()
  })

  it('the browser build asks for credentials, and sets no User-Agent', async () => {
    await expect(browser.defaultCredentials()()).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('pass `credentials` to new UcdnClient({ credentials })'),
    })
    expect(browser.buildUserAgent('x')).toBeUndefined()
  })
})
