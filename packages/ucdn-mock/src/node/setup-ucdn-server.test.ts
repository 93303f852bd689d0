import type { SetupServer } from 'msw/node'
import { afterEach, describe, expect, it } from 'vitest'
import { setupUcdnServer } from './setup-ucdn-server.js'

let server: SetupServer | undefined
afterEach(() => server?.close())

describe('setupUcdnServer', () => {
  it('answers at the default base URL with the mock gateway (an unsigned call is refused as the API does)', async () => {
    server = setupUcdnServer()
    server.listen({ onUnhandledRequest: 'error' })
    const response = await fetch('https://api.scloudsg.com/?Action=DescribeNewUcdnPrefetchCacheTask')
    expect(response.headers.get('x-ucloud-request-uuid')).toBeTruthy()
    expect(await response.json()).toMatchObject({
      RetCode: 172,
      Action: 'DescribeNewUcdnPrefetchCacheTaskResponse',
    })
  })

  it('passes its options to the handlers (baseUrl)', async () => {
    server = setupUcdnServer({ baseUrl: 'https://gw.example/ucdn' })
    server.listen({ onUnhandledRequest: 'error' })
    const response = await fetch('https://gw.example/ucdn?Action=DescribeNewUcdnPrefetchCacheTask')
    expect(await response.json()).toMatchObject({ RetCode: 172 })
  })

  it('checks its options as createUcdnHandlers does', () => {
    expect(() => setupUcdnServer({ maxBodyBytes: -1 })).toThrow(/maxBodyBytes/)
  })
})
