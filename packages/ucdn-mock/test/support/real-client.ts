// Shared plumbing of the contract tests that drive a real outside client (UCloud's official SDKs) in another
// process against the standalone mock server.
import { spawn, spawnSync } from 'node:child_process'

/**
 * Whether `command args…` runs. When it does not, a developer's `npm test` skips the suite with a warning,
 * and CI (CI=true) fails: .ci/run installs the tool, so a missing one there is a broken CI, not a skip.
 */
export function toolAvailable(command: string, args: readonly string[], suite: string): boolean {
  const probe = spawnSync(command, args, { encoding: 'utf8' })
  if (probe.error === undefined && probe.status === 0) return true
  if (process.env.CI) throw new Error(`${command} is not usable here: CI must run the ${suite}.`)
  console.warn(`Skipping the ${suite}: \`${[command, ...args].join(' ')}\` does not run here.`)
  return false
}

export type Run = { readonly code: number | null; readonly stdout: string; readonly stderr: string }

/** Runs a process without blocking the event loop the mock server runs on; `input` goes to its stdin. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(options.input ?? '')
  })
}

/** Runs a client that reads one JSON job on stdin and writes one JSON result on stdout. */
export async function runJsonClient(
  command: string,
  args: readonly string[],
  job: object,
  env?: NodeJS.ProcessEnv,
): Promise<Record<string, unknown>> {
  const result = await run(command, args, { input: JSON.stringify(job), ...(env && { env }) })
  if (result.code !== 0) throw new Error(`${command} exited ${result.code}: ${result.stderr.slice(0, 2000)}`)
  return JSON.parse(result.stdout) as Record<string, unknown>
}
