// What the analysis scripts of the call path share: the bench's server answering the 1-task body, the SDK
// client calling it, the same request pre-signed for hand-written clients, and the SDK's own Node transport
// sending that pre-signed body alone (no validate, sign, retry or decode: the transport's share of a call).
import { ACTION, oneTaskBody } from '../lib/fixtures.mjs'
import { loadSdk } from '../lib/sdk.mjs'
import { startServer } from '../lib/server.mjs'
import { formBody, presign } from '../lib/wire.mjs'
import { internal } from './internals.mjs'

export async function loopback() {
  const sdk = await loadSdk()
  const server = await startServer({ mode: 'fixed', body: oneTaskBody() })
  const params = { taskIds: ['pf-7kq2m9x4ab'], projectId: 'org-bench01' }
  const body = formBody(
    presign({ Action: ACTION, ProjectId: params.projectId, TaskId: params.taskIds }, sdk.credentials),
  )
  const client = new sdk.ucdn.UcdnClient({ credentials: sdk.credentials, baseUrl: server.url })
  const { createNodeTransport } = await internal('@scloud/ucdn', './transport/node-transport.js')
  const transport = createNodeTransport()
  const headers = Object.freeze({ 'content-type': 'application/x-www-form-urlencoded' })
  const request = { url: server.url, body, headers, signal: undefined, maxResponseBytes: 1 << 20 }
  return {
    server,
    body,
    callSdk: () => client.describePrefetchTasks(params),
    transportAlone: async () => JSON.parse((await transport.send(request)).body),
    async close() {
      await client.close()
      await transport.close()
      await server.close()
    },
  }
}
