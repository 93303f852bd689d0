// undici is loaded by the Node transport's first call, not when the SDK is imported: a CLI's `--help` or a
// script that never calls does not pay for loading it.
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { type LocalServer, startLocalServer } from '../../test/helpers/local-server.js'

const undici = vi.hoisted(() => ({ loads: 0 }))
vi.mock('undici', async (importOriginal) => {
  undici.loads++
  return importOriginal()
})

let server: LocalServer
beforeAll(async () => {
  server = await startLocalServer()
})
afterAll(() => server.close())

it('imports undici on the first call, once', async () => {
  const { UcdnClient } = await import('../index.js')
  const { createNodeTransport } = await import('./node-transport.js')
  const client = new UcdnClient({ credentials: { publicKey: 'p', privateKey: 's' }, baseUrl: server.url })
  const transport = createNodeTransport()
  expect(undici.loads).toBe(0)
  const request = {
    url: `${server.url}/`,
    body: 'Action=X',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    signal: undefined,
    maxResponseBytes: 1 << 20,
  }
  const [first, second] = await Promise.all([transport.send(request), transport.send(request)])
  expect([first.status, second.status]).toEqual([200, 200])
  expect(undici.loads).toBe(1)
  await transport.close()
  await client.close()
})
