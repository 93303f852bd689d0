import { describe, expect, expectTypeOf, it } from 'vitest'
import * as browser from './browser.js'
import * as node from './node.js'

describe('#platform', () => {
  it('offers the same names with the same types in both builds', () => {
    expect(Object.keys(browser).sort()).toEqual(Object.keys(node).sort())
    expectTypeOf(browser.createDefaultTransport).toEqualTypeOf(node.createDefaultTransport)
    expectTypeOf(browser.defaultCredentials).toEqualTypeOf(node.defaultCredentials)
    expectTypeOf(browser.readSharedConfig).toEqualTypeOf(node.readSharedConfig)
    expectTypeOf(browser.fastCheckAndMap).toEqualTypeOf<typeof node.fastCheckAndMap>()
    expectTypeOf(browser.buildUserAgent)
      .parameter(0)
      .toEqualTypeOf<Parameters<typeof node.buildUserAgent>[0]>()
    expectTypeOf(browser.buildUserAgent).returns.toEqualTypeOf<ReturnType<typeof node.buildUserAgent>>()
  })

  it('the browser build asks for credentials, sets no User-Agent and leaves validation to zod', async () => {
    await expect(browser.defaultCredentials()()).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('pass `credentials` to new UcdnClient({ credentials })'),
    })
    expect(browser.buildUserAgent('x')).toBeUndefined()
    expect(browser.fastCheckAndMap({ RetCode: 0, Action: 'X' })).toBeUndefined()
  })
})
