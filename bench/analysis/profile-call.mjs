// Where a call's CPU goes: `node analysis/profile-call.mjs [call|large] [n]` runs a loop under the V8 profiler
// (`--cpu-prof`, in a child process) and prints the top items by self time, by function and by file.
//  - call:  n × describePrefetchTasks against the bench's loopback server (the `overhead` figure's call);
//  - stub:  n × the same call through a fetch stub (the client's own CPU, no socket);
//  - pipeline: n × the call's pipeline (validate → … → check and map) over a wire transport that answers at once:
//    the SDK's own CPU on its Node path, no socket, no fetch (reaches into dist/: analysis/internals.mjs);
//  - large: n × the 2,000 × 50 answer through a fetch stub (the `large` figure).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const [mode = 'call', count] = process.argv.slice(2)
if (process.argv[2] === '--child') await child(process.argv[3], Number(process.argv[4]))
else parent(mode, Number(count ?? (mode === 'large' ? 40 : 20000)))

function parent(which, n) {
  const dir = mkdtempSync(join(tmpdir(), 'scloud-prof-'))
  try {
    const self = fileURLToPath(import.meta.url)
    const res = spawnSync(
      process.execPath,
      ['--cpu-prof', `--cpu-prof-dir=${dir}`, self, '--child', which, n],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    )
    if (res.status !== 0) throw new Error(`profiled child failed (${res.status})`)
    const [file] = readdirSync(dir)
    summarize(JSON.parse(readFileSync(join(dir, file), 'utf8')), 25)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function child(which, n) {
  const { UcdnClient } = await import('@scloud/ucdn')
  const { oneTaskBody, largeBody } = await import('../lib/fixtures.mjs')
  const { stubFetch } = await import('../lib/stub-response.mjs')
  const credentials = { publicKey: 'bench-public-key', privateKey: 'bench-private-key' }
  let server
  let options = {}
  if (which === 'call') {
    const { startServer } = await import('../lib/server.mjs')
    server = await startServer({ mode: 'fixed', body: oneTaskBody() })
    options = { baseUrl: server.url }
  } else {
    options = {
      baseUrl: 'http://stub.invalid/',
      fetch: stubFetch(which === 'large' ? largeBody() : oneTaskBody()),
    }
  }
  if (which === 'pipeline') return pipeline(credentials, oneTaskBody(), n)
  const client = new UcdnClient({ credentials, ...options })
  const params = which === 'large' ? {} : { taskIds: ['pf-7kq2m9x4ab'], projectId: 'org-bench01' }
  const t0 = performance.now()
  for (let i = 0; i < n; i++) await client.describePrefetchTasks(params)
  console.log(
    `${which}: ${n} calls, ${(((performance.now() - t0) * 1000) / n).toFixed(1)} µs per call (profiled)`,
  )
  await client.close()
  await server?.close()
}

async function pipeline(credentials, body, n) {
  const { internal } = await import('./internals.mjs')
  const { execute, prepare } = await internal('@scloud/ucdn', './pipeline/pipeline.js')
  const { resolveConfig } = await internal('@scloud/ucdn', './config.js')
  const { toTaskPage } = await internal('@scloud/ucdn', './prefetch-tasks.js')
  const { DescribeNewUcdnPrefetchCacheTask: operation } = await import('@scloud/ucdn-client')
  const { fromStatic } = await import('@scloud/signer')
  const response = {
    status: 200,
    header: (name) => (name === 'x-ucloud-request-uuid' ? 'id-1' : undefined),
    body,
  }
  const transport = { send: async () => response, close: async () => {} }
  const config = resolveConfig({ credentials, baseUrl: 'http://127.0.0.1:9/' })
  const context = { config, transport, credentials: fromStatic(credentials) }
  const params = { taskIds: ['pf-7kq2m9x4ab'], projectId: 'org-bench01' }
  const naming = { method: 'describePrefetchTasks', names: 'sdkName' }
  const t0 = performance.now()
  for (let i = 0; i < n; i++)
    toTaskPage(await execute(context, operation, prepare(context, operation, params, naming)))
  console.log(
    `pipeline: ${n} calls, ${(((performance.now() - t0) * 1000) / n).toFixed(1)} µs per call (profiled)`,
  )
}

/** Self time by function and by file, as a share of the samples. */
function summarize(profile, top) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const time = new Map()
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]
    time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
  }
  const byFunction = new Map()
  const byFile = new Map()
  let total = 0
  for (const [id, t] of time) {
    const frame = nodes.get(id).callFrame
    const file = frame.url
      .replace(/^.*node_modules\/\.pnpm\/([^/]+)\/.*$/, '$1')
      .replace(/^.*\/packages\//, '')
      .replace(/^file:\/\//, '')
    const name = `${frame.functionName || '(anonymous)'}  ${file ? `${file}:${frame.lineNumber + 1}` : ''}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + t)
    byFile.set(file || frame.functionName, (byFile.get(file || frame.functionName) ?? 0) + t)
    total += t
  }
  const pct = (t) => `${((t / total) * 100).toFixed(1).padStart(5)}%`
  console.log('self time by function')
  for (const [k, t] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(pct(t), k)
  console.log('\nself time by file')
  for (const [k, t] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(pct(t), k)
}
