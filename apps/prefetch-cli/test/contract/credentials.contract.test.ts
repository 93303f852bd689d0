// No msw here: without credentials the CLI starts the real standalone mock server on loopback.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createManualClock } from '@scloud/ucdn-mock'
import { describe, expect, it } from 'vitest'
import { DEMO_NOTICE, FORCED_DEMO_NOTICE } from '../../src/mock-mode.js'
import { DEMO_FAILURE_NOTE } from '../../src/run.js'
import { lines, MOCK_ENV, runCli, T0 } from '../harness.js'

const NO_CREDENTIALS = {
  UCLOUD_PUBLIC_KEY: undefined,
  UCLOUD_PRIVATE_KEY: undefined,
  UCLOUD_API_BASE_URL: undefined,
}
const DEMO_IDS = ['demoHome', 'demoImgs', 'demoVids', 'demoDocs', 'demoFont']

describe('without credentials', () => {
  it('lists the demo tasks from the built-in demo API and says so in one stderr line', async () => {
    const result = await runCli([], createManualClock(T0), { env: NO_CREDENTIALS })
    expect(result.code).toBe(0)
    expect(result.stderr).toBe(`${DEMO_NOTICE}\n`)
    for (const id of DEMO_IDS) expect(result.stdout).toContain(id)
    expect(result.stdout).toMatch(/^TASK ID {2}/)
  })

  it('follows the demo with --watch until every task is done: its scripted failure is explained, exit 0', async () => {
    const clock = createManualClock(T0)
    const result = await runCli(['--watch'], clock, { env: NO_CREDENTIALS })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      / \d\d% {2}18\/18 URLs done · 5 tasks: 4 success, 1 failure · ✗ 1 failed URL\n/,
    )
    expect(result.stdout).toContain('failed URL: https://cdn.example.com/docs/removed-page.html (demoDocs)')
    expect(result.stderr).toBe(`${DEMO_NOTICE}\n${DEMO_FAILURE_NOTE}`)
    expect(clock.now() - T0).toBeLessThan(40_000) // the demo story takes about half a minute
  })

  it('with --fail-on-failure the demo shows the gate: exit 1, no note', async () => {
    const result = await runCli(['--watch', '--fail-on-failure'], createManualClock(T0), {
      env: NO_CREDENTIALS,
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(`${DEMO_NOTICE}\n`)
  })

  it('refuses the demo API with --live: exit 3, nothing on stdout', async () => {
    const result = await runCli(['--live'], createManualClock(T0), { env: NO_CREDENTIALS })
    expect(result.code).toBe(3)
    expect(result.stdout).toBe('')
    expect(lines(result.stderr)).toHaveLength(1)
    expect(result.stderr).toMatch(
      /^ucdn-prefetch: No SCloud credentials found\..*--live was given, so not using the demo API\.$/m,
    )
    // Issue 16 #8: the way out is the environment or the credential file, never keys on the command line.
    expect(result.stderr).toContain('UCLOUD_PUBLIC_KEY')
    expect(result.stderr).toContain('`ucdn configure` writes ~/.ucloud/credential.json')
    expect(result.stderr).not.toContain('explicitly')
  })

  it('does not fall back when a profile or an endpoint was asked for', async () => {
    const clock = createManualClock(T0)
    const profile = await runCli(['--profile', 'prod'], clock, { env: NO_CREDENTIALS })
    expect(profile.code).toBe(3)
    expect(profile.stderr).toContain('--profile "prod" was given')
    const endpoint = await runCli([], clock, {
      env: { ...NO_CREDENTIALS, UCLOUD_API_BASE_URL: 'https://x.invalid' },
    })
    expect(endpoint.code).toBe(3)
    expect(endpoint.stderr).toContain('UCLOUD_API_BASE_URL is set')
  })
})

describe('a machine set up for SCloud never silently gets the demo', () => {
  it('a credential file without the default profile: exit 3', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ucdn-prefetch-home-'))
    mkdirSync(join(home, '.ucloud'))
    const file = join(home, '.ucloud', 'credential.json')
    writeFileSync(file, JSON.stringify([{ profile: 'prod', public_key: 'pk', private_key: 'sk-0123456789' }]))
    const result = await runCli([], createManualClock(T0), { env: { ...NO_CREDENTIALS, HOME: home } })
    expect(result.code).toBe(3)
    expect(lines(result.stderr)).toHaveLength(1)
    expect(result.stderr).toContain('no profile "default"')
    expect(result.stderr).toContain(`${file} exists, so not using the demo API`)
  })

  it('UCLOUD_PROFILE set but not found: exit 3', async () => {
    const result = await runCli([], createManualClock(T0), {
      env: { ...NO_CREDENTIALS, UCLOUD_PROFILE: 'prod' },
    })
    expect(result.code).toBe(3)
    expect(result.stderr).toContain('UCLOUD_PROFILE is set')
  })
})

describe('credentials that are present but broken are an error, not a reason for the demo', () => {
  it('a malformed credential file: exit 3 naming the file', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ucdn-prefetch-home-'))
    mkdirSync(join(home, '.ucloud'))
    writeFileSync(join(home, '.ucloud', 'credential.json'), '{ "this is": not json')
    const result = await runCli([], createManualClock(T0), { env: { ...NO_CREDENTIALS, HOME: home } })
    expect(result.code).toBe(3)
    expect(lines(result.stderr)).toHaveLength(1)
    expect(result.stderr).toContain(join(home, '.ucloud', 'credential.json'))
    expect(result.stderr).not.toContain('demo')
  })

  it('a half-set environment: exit 3 naming the missing variable', async () => {
    const result = await runCli([], createManualClock(T0), {
      env: { ...NO_CREDENTIALS, UCLOUD_PUBLIC_KEY: 'only-the-public-half' },
    })
    expect(result.code).toBe(3)
    expect(result.stderr).toContain('UCLOUD_PRIVATE_KEY')
    expect(result.stderr).not.toContain('demo')
  })
})

describe('--mock', () => {
  it("ignores the project of the user's environment and shared config file", async () => {
    const home = mkdtempSync(join(tmpdir(), 'ucdn-prefetch-demo-config-'))
    mkdirSync(join(home, '.ucloud'))
    writeFileSync(
      join(home, '.ucloud', 'config.json'),
      JSON.stringify([{ profile: 'default', project_id: 'org-mine' }]),
    )
    const env = { ...NO_CREDENTIALS, HOME: home, UCLOUD_PROJECT_ID: 'org-mine' }
    const result = await runCli(['--mock'], createManualClock(T0), { env })
    expect(result.code, result.stderr).toBe(0)
    for (const id of DEMO_IDS) expect(result.stdout).toContain(id)
  })

  it('uses the demo API even when credentials exist, and says so', async () => {
    const result = await runCli(['--mock', '--task-id', 'demoDocs'], createManualClock(T0), { env: MOCK_ENV })
    expect(result.code).toBe(0)
    expect(result.stderr).toBe(`${FORCED_DEMO_NOTICE}\n`)
    expect(result.stdout).toContain('Task demoDocs')
    expect(result.stdout).toContain('https://cdn.example.com/docs/removed-page.html')
  })
})
