// Loading undici on a process's first call is not the API being slow: the first attempt's timer starts once the
// transport is ready, so a short timeoutMs is not spent on loading code.
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { json, type LocalServer, startLocalServer } from '../../test/helpers/local-server.js'

vi.mock('undici', async (importOriginal) => {
  await new Promise((resolve) => setTimeout(resolve, 300)) // a slow disk, a loaded machine
  return importOriginal()
})

let server: LocalServer
beforeAll(async () => {
  server = await startLocalServer(
    json({ RetCode: 0, Action: 'DescribeNewUcdnPrefetchCacheTaskResponse', TotalCount: 0, TaskList: [] }),
  )
})
afterAll(() => server.close())

it('starts the first attempt’s timeout after undici has loaded', async () => {
  const { UcdnClient } = await import('../index.js')
  const client = new UcdnClient({
    credentials: { publicKey: 'p', privateKey: 's' },
    baseUrl: server.url,
    env: {},
    timeoutMs: 150,
    maxRetries: 0,
  })
  try {
    const page = await client.describePrefetchTasks()
    expect(page.totalCount).toBe(0)
    expect(server.requests).toHaveLength(1)
  } finally {
    await client.close()
  }
})
