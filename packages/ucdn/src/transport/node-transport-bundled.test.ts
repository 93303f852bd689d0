// A bundler with code splitting (esbuild's, for the CLI) may hand the lazily imported undici over as a module whose
// only export is `default` (CommonJS interop): the Node transport finds Pool there too.
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { type LocalServer, startLocalServer } from '../../test/helpers/local-server.js'

vi.mock('undici', async (importOriginal) => ({ default: await importOriginal() }))

let server: LocalServer
beforeAll(async () => {
  server = await startLocalServer()
})
afterAll(() => server.close())

it("sends with the Pool of undici's default export", async () => {
  const { createNodeTransport } = await import('./node-transport.js')
  const transport = createNodeTransport()
  const answer = await transport.send({
    url: `${server.url}/`,
    body: 'Action=X',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    signal: undefined,
    maxResponseBytes: 1 << 20,
  })
  expect(answer.status).toBe(200)
  await transport.close()
}, 10_000)
