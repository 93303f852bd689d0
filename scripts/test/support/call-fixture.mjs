// Run by fixture-action.test.ts inside the temporary copy of the packages: calls the fixture action through
// `UcdnClient#send` against the standalone mock server and prints what happened as JSON.

import { UcdnClient } from './packages/ucdn/dist/index.js'
import { DescribeUcdnFixtureWidgets } from './packages/ucdn-client/dist/index.js'
import { DEMO_CREDENTIALS } from './packages/ucdn-mock/dist/index.js'
import { startMockServer } from './packages/ucdn-mock/dist/node.js'

let requests = 0
const counter = { take: () => (requests++, undefined) }
const server = await startMockServer({ faults: counter })
const client = (privateKey) =>
  new UcdnClient({
    baseUrl: server.url,
    credentials: { publicKey: DEMO_CREDENTIALS.publicKey, privateKey },
    maxRetries: 0,
  })
const failure = async (call) => {
  try {
    await call()
    return { code: 'NONE' }
  } catch (error) {
    return { code: error.code, retCode: error.retCode, message: error.message, field: error.field }
  }
}
const good = client(DEMO_CREDENTIALS.privateKey)
try {
  const answer = await good.send(DescribeUcdnFixtureWidgets, { widgetId: ['w-1', 'w-2'] })
  const requestsBeforeInvalid = requests
  const invalid = await failure(() => good.send(DescribeUcdnFixtureWidgets, { widgetId: [] }))
  const requestsAfterInvalid = requests
  const wrongKey = await failure(() =>
    client('0'.repeat(40)).send(DescribeUcdnFixtureWidgets, { widgetId: ['w-1'] }),
  )
  process.stdout.write(
    JSON.stringify({ answer, invalid, requestsBeforeInvalid, requestsAfterInvalid, wrongKey }),
  )
} finally {
  await good.close()
  await server.close()
}
