// Issue #15: UCloud's official SDKs, used as other teams would, on every cache action against the standalone
// mock's demo domain (DEMO_DOMAIN, host cdn.example.com): the switch, a prefetch followed until done, a
// refresh, its task, and the day's quota state. Go (form and JSON encoders) and Python (invoke and typed).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createManualClock, createPrefetchBackend, DEMO_DOMAIN, type ManualClock } from '../../src/index.js'
import { type MockServer, startMockServer } from '../../src/node.js'
import { toolAvailable } from '../support/real-client.js'
import {
  buildGoClient,
  goSdk,
  installPythonSdk,
  pythonSdk,
  SDK_SETUP_TIMEOUT_MS,
  type SdkCall,
} from '../support/sdk-clients.js'

const hasGo = toolAvailable('go', ['version'], 'official Go SDK contract tests (cache actions)')
const hasVenv = toolAvailable(
  'python3',
  ['-c', 'import venv, ensurepip'],
  'official Python SDK contract tests (cache actions)',
)

const T0 = Date.UTC(2026, 10, 29, 4, 0, 0)
const DEMO = `https://${DEMO_DOMAIN.host}`
let server: MockServer | undefined
let clock: ManualClock
let disposeGo = () => {}
const url = () => server!.url
const clients = new Map<string, SdkCall>()

beforeAll(async () => {
  if (hasGo) {
    const built = await buildGoClient()
    disposeGo = built.dispose
    clients.set('Go SDK, form encoder', goSdk(built.binary, url, 'form'))
    clients.set('Go SDK, JSON encoder', goSdk(built.binary, url, 'json'))
  }
  if (hasVenv) {
    await installPythonSdk()
    clients.set('Python SDK, Client.invoke', pythonSdk(url, 'invoke'))
    clients.set('Python SDK, typed UCDN client', pythonSdk(url, 'typed'))
  }
}, SDK_SETUP_TIMEOUT_MS)

afterEach(async () => {
  await server?.close()
  server = undefined
})
afterAll(() => disposeGo())

/** A fresh demo backend per client, so quotas and pacing start anew. */
async function startDemo() {
  clock = createManualClock(T0)
  server = await startMockServer({ backend: createPrefetchBackend({ clock }) })
}

const variants = [
  ...(hasGo ? ['Go SDK, form encoder', 'Go SDK, JSON encoder'] : []),
  ...(hasVenv ? ['Python SDK, Client.invoke', 'Python SDK, typed UCDN client'] : []),
]

describe.skipIf(variants.length === 0).each(variants)('%s on every cache action', (variant) => {
  async function ok(action: string, params: Record<string, unknown>) {
    const result = await clients.get(variant)!(action, params)
    expect(result, `${action} through the ${variant}`).toMatchObject({ ok: true })
    return result.response as Record<string, unknown>
  }

  it('reads the switch, prefetches and follows the task to success, refreshes, and reads the quota state', async () => {
    await startDemo()
    const DomainId = DEMO_DOMAIN.domainId
    expect(await ok('GetUcdnDomainPrefetchEnable', { DomainId })).toMatchObject({ Enable: 1 })

    const urls = [`${DEMO}/a.js`, `${DEMO}/b.css`]
    const prefetch = await ok('PrefetchNewUcdnDomainCache', { UrlList: urls })
    expect(prefetch.TaskId).toMatch(/\S/)
    const prefetchTask = async () =>
      ((await ok('DescribeNewUcdnPrefetchCacheTask', { TaskId: [prefetch.TaskId] })).TaskList as object[])[0]
    expect(await prefetchTask()).toMatchObject({
      TaskId: prefetch.TaskId,
      Status: 'wait',
      UrlLists: urls.map((Url) => expect.objectContaining({ Url })),
    })
    clock.advance(15_000)
    expect(await prefetchTask()).toMatchObject({ Status: 'success' })

    const refresh = await ok('RefreshNewUcdnDomainCache', { Type: 'file', UrlList: [`${DEMO}/a.js`] })
    expect(refresh.TaskId).toMatch(/\S/)
    expect(await ok('DescribeNewUcdnRefreshCacheTask', { TaskId: [refresh.TaskId] })).toMatchObject({
      TotalCount: 1,
      TaskList: [{ TaskId: refresh.TaskId, UrlLists: [expect.objectContaining({ Url: `${DEMO}/a.js` })] }],
    })

    expect(await ok('GetUcdnDomainPrefetchRefreshState', { DomainId })).toMatchObject({
      SubmitPrefetchCount: 2,
      SubmitRefreshFile: 1,
      SubmitRefreshDir: 0,
    })
  })

  it('reports a refused submit (1201, a host the account does not have) as the API’s error', async () => {
    await startDemo()
    const result = await clients.get(variant)!('PrefetchNewUcdnDomainCache', {
      UrlList: ['https://elsewhere.example.net/a.js'],
    })
    expect(result).toMatchObject({ ok: false, retCode: 1201 })
  })
})
