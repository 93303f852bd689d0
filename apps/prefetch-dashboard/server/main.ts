// The BFF's entry: `node dist/bff/server/main.js [--port 8787] [--host 127.0.0.1] [--static dist/client]`.
// Credentials come from @scloud/signer/node's defaultCredentialProvider (UCLOUD_PUBLIC_KEY/UCLOUD_PRIVATE_KEY,
// then the shared credential file); the API address from UCLOUD_API_BASE_URL, the project from UCLOUD_PROJECT_ID.
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { defaultCredentialProvider } from '@scloud/signer/node'
import { UcdnClient } from '@scloud/ucdn'
import { cacheActionsOf } from '../src/cache-actions.js'
import { isLoopbackHost, startBff } from './bff-server.js'

const DEFAULT_PORT = 8787

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? String(DEFAULT_PORT) },
      // Loopback by default: this server reads your tasks with your keys for whoever can reach it.
      host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
      static: { type: 'string', default: fileURLToPath(new URL('../../client', import.meta.url)) },
      // Needed (and made up if not given) when listening beyond loopback: then anyone who can reach the port
      // could otherwise read and submit with your keys.
      token: { type: 'string', default: process.env.DASHBOARD_TOKEN },
    },
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port must be 0–65535, got ${values.port}.`)

  const credentials = defaultCredentialProvider()
  await credentials() // fail now, with the provider's list of places it looked, rather than on the first page view
  const ucdn = new UcdnClient({ credentials, userAgent: 'prefetch-dashboard-bff' })
  const hosts = isLoopbackHost(values.host.includes(':') ? `[${values.host}]` : values.host)
    ? 'loopback'
    : 'any'
  if (values.token !== undefined && values.token.length < 16)
    throw new Error('--token needs at least 16 characters.')
  const token = values.token ?? (hosts === 'any' ? randomBytes(24).toString('base64url') : undefined)
  const bff = await startBff({
    ucdn,
    cache: cacheActionsOf(ucdn),
    port,
    host: values.host,
    staticDir: values.static,
    hosts,
    token,
  })
  if (token === undefined) {
    console.log(`Prefetch dashboard (live mode): ${bff.url}/  (API: ${bff.url}/api/prefetch-tasks)`)
  } else {
    // Printed once, here only: the page keeps it for the tab's session and removes it from the address.
    console.log(`Prefetch dashboard (live mode): ${bff.url}/?mode=live&token=${encodeURIComponent(token)}`)
    console.log(`API calls need the header X-Dashboard-Token: ${token}`)
  }
  const stop = () => {
    bff.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(`prefetch-dashboard BFF: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
