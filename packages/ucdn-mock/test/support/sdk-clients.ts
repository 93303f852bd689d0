// The official SDK clients the contract tests drive, each as `(action, params) => its JSON result`: the Go
// SDK's typed requests (form and JSON encoders) and the Python SDK (generic invoke and typed UCDN client).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEMO_CREDENTIALS } from '../../src/index.js'
import { run, runJsonClient } from './real-client.js'

export type SdkCall = (
  action: string,
  params: Record<string, unknown>,
  options?: { readonly privateKey?: string; readonly maxRetries?: number },
) => Promise<Record<string, unknown>>

/** A cold module and build cache (a fresh CI machine) takes minutes on two busy cores; so does a fresh venv. */
export const SDK_SETUP_TIMEOUT_MS = 300_000

// The module and its dependencies are pinned in go.sum; the checksum database may be out of reach, so this
// process (only) skips the lookup for the SDK and refuses any go.mod change.
const GO_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GOFLAGS: '-mod=readonly',
  GONOSUMDB: 'github.com/ucloud/ucloud-sdk-go',
  GOTOOLCHAIN: 'local',
}

/** Builds the Go client once (test/go-sdk); `dispose` removes the binary. */
export async function buildGoClient(): Promise<{ binary: string; dispose(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'ucdn-go-sdk-'))
  const binary = join(dir, 'go-sdk-client')
  const source = fileURLToPath(new URL('../go-sdk/', import.meta.url))
  const built = await run('go', ['build', '-o', binary, '.'], { cwd: source, env: GO_ENV })
  if (built.code !== 0) throw new Error(`go build failed: ${built.stderr.slice(0, 4000)}`)
  return { binary, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

export function goSdk(binary: string, baseUrl: () => string, encoder: 'form' | 'json'): SdkCall {
  return (action, params, options = {}) =>
    runJsonClient(binary, [], {
      baseUrl: baseUrl(),
      publicKey: DEMO_CREDENTIALS.publicKey,
      privateKey: options.privateKey ?? DEMO_CREDENTIALS.privateKey,
      encoder,
      maxRetries: options.maxRetries ?? 0,
      action,
      params,
    })
}

const PYTHON = fileURLToPath(new URL('../../../../.tools/ucloud-sdk-python3/bin/python', import.meta.url))
const PYTHON_SCRIPT = fileURLToPath(new URL('../python-sdk/call.py', import.meta.url))

/** Installs the pinned Python SDK into .tools/ucloud-sdk-python3 (idempotent). */
export async function installPythonSdk(): Promise<void> {
  const installed = await run('bash', [fileURLToPath(new URL('../python-sdk/install.sh', import.meta.url))])
  if (installed.code !== 0)
    throw new Error(`installing the Python SDK failed: ${installed.stderr.slice(0, 4000)}`)
}

export function pythonSdk(baseUrl: () => string, style: 'invoke' | 'typed'): SdkCall {
  return (action, params, options = {}) =>
    runJsonClient(PYTHON, [PYTHON_SCRIPT], {
      baseUrl: baseUrl(),
      publicKey: DEMO_CREDENTIALS.publicKey,
      privateKey: options.privateKey ?? DEMO_CREDENTIALS.privateKey,
      style,
      action,
      params,
      maxRetries: options.maxRetries ?? 0,
    })
}
