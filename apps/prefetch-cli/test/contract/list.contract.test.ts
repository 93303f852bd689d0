import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DescribeNewUcdnPrefetchCacheTaskResponseSchema } from '@scloud/ucdn-client/schemas'
import { DEMO_CREDENTIALS, type PrefetchTaskSeed } from '@scloud/ucdn-mock'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { controlCharacters } from '../control-characters.js'
import { lines, runCli, SEEDS, T0, useWorld } from '../harness.js'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const ESC = '\u001b['
const T0s = T0 / 1000
const rowIds = (stdout: string) =>
  lines(stdout)
    .slice(1)
    .filter((line) => /^t\w+ {2}/.test(line))
    .map((line) => line.split(' ')[0])

describe('the task table', () => {
  it("lists the last day's tasks newest first, with a one-line summary", async () => {
    const { clock } = useWorld(server)
    const result = await runCli([], clock)
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toMatchInlineSnapshot(`
      "TASK ID  CREATED (UTC)        STATUS     URLS DONE  FAILED  PROGRESS
      tBusy    2026-01-31 07:59:55  * process        0/2       0       47%
      tFail    2026-01-31 07:00:00  ✗ failure        2/2       1       50%
      tDone    2026-01-31 06:00:00  ✓ success        2/2       0      100%

      3 tasks: 1 success, 1 failure, 1 process · 4/6 URLs done (65%) · 1 failed URL: https://cdn.example.com/gone.png (tFail)
      "
    `)
  })

  it('says so when no task matches', async () => {
    const { clock } = useWorld(server, [])
    const result = await runCli([], clock)
    expect(result).toEqual({ code: 0, stdout: 'No prefetch tasks in the last 24 hours.\n', stderr: '' })
    const filtered = await runCli(['--status', 'wait', '--since', '2026-01-30T00:00:00Z'], clock)
    expect(filtered.stdout).toBe('No prefetch tasks with status wait since 2026-01-30 00:00:00.\n')
  })

  it('shows local times in the zone of TZ', async () => {
    const { clock } = useWorld(server)
    const result = await runCli([], clock, { env: { TZ: 'Asia/Singapore' } })
    expect(result.stdout).toContain('tDone    2026-01-31 14:00:00')
  })
})

describe('choosing tasks', () => {
  it('--since and --until take durations, ISO-8601 and Unix seconds', async () => {
    const { clock } = useWorld(server)
    expect(rowIds((await runCli(['--since', '4d'], clock)).stdout)).toEqual([
      'tBusy',
      'tFail',
      'tDone',
      'tOld',
    ])
    expect(rowIds((await runCli(['--since', '90m'], clock)).stdout)).toEqual(['tBusy', 'tFail'])
    expect(rowIds((await runCli(['--since', '3h', '--until', '90m'], clock)).stdout)).toEqual(['tDone'])
    const iso = await runCli(['--since', '2026-01-31T05:00:00Z', '--until', '2026-01-31T06:30:00Z'], clock)
    expect(rowIds(iso.stdout)).toEqual(['tDone'])
    const unix = await runCli(['--since', String(T0s - 3 * 3600), '--until', String(T0s - 5400)], clock)
    expect(rowIds(unix.stdout)).toEqual(['tDone'])
  })

  it('--until alone looks at the day before it, as the API does', async () => {
    const { clock } = useWorld(server)
    expect(rowIds((await runCli(['--until', '2d'], clock)).stdout)).toEqual(['tOld'])
  })

  it('--status keeps the tasks in that state', async () => {
    const { clock } = useWorld(server)
    expect(rowIds((await runCli(['--status', 'failure'], clock)).stdout)).toEqual(['tFail'])
    expect(rowIds((await runCli(['--status', 'success'], clock)).stdout)).toEqual(['tDone'])
  })

  it('--dcdn shows whole-site acceleration tasks instead', async () => {
    const { clock } = useWorld(server)
    expect(rowIds((await runCli(['--dcdn'], clock)).stdout)).toEqual(['tDcdn'])
  })

  it('--project-id reads another project (else UCLOUD_PROJECT_ID)', async () => {
    const seeds: PrefetchTaskSeed[] = [
      ...SEEDS,
      { taskId: 'tOther', projectId: 'org-other', createdAt: T0 - 60_000, urls: ['https://o.example.com/'] },
    ]
    const { clock } = useWorld(server, seeds)
    expect(rowIds((await runCli(['--project-id', 'org-other'], clock)).stdout)).toEqual(['tOther'])
    const fromEnv = await runCli([], clock, { env: { UCLOUD_PROJECT_ID: 'org-other' } })
    expect(rowIds(fromEnv.stdout)).toEqual(['tOther'])
  })

  it('--profile picks the keys and the project of that profile (~/.ucloud/credential.json, config.json)', async () => {
    const seeds: PrefetchTaskSeed[] = [
      ...SEEDS,
      { taskId: 'tProd', projectId: 'org-prod', createdAt: T0 - 60_000, urls: ['https://p.example.com/'] },
    ]
    const { clock } = useWorld(server, seeds)
    const home = mkdtempSync(join(tmpdir(), 'ucdn-prefetch-config-'))
    mkdirSync(join(home, '.ucloud'))
    writeFileSync(
      join(home, '.ucloud', 'config.json'),
      JSON.stringify([
        { profile: 'default', project_id: 'org-default' },
        { profile: 'prod', project_id: 'org-prod' },
      ]),
    )
    const keys = { public_key: DEMO_CREDENTIALS.publicKey, private_key: DEMO_CREDENTIALS.privateKey }
    writeFileSync(join(home, '.ucloud', 'credential.json'), JSON.stringify([{ profile: 'prod', ...keys }]))
    // The environment's keys are not used once a profile is named: keys and project come from one profile.
    const env = {
      HOME: home,
      UCLOUD_PUBLIC_KEY: 'env-public-not-used',
      UCLOUD_PRIVATE_KEY: 'env-private-not-used',
    }
    const prod = await runCli(['--profile', 'prod'], clock, { env })
    expect(prod.code, prod.stderr).toBe(0)
    expect(rowIds(prod.stdout)).toEqual(['tProd'])
    const byDefault = await runCli([], clock, { env: { HOME: home } })
    expect(rowIds(byDefault.stdout)).not.toContain('tProd')
  })

  it('--profile naming a profile without keys fails, even with keys in the environment: exit 3, one line', async () => {
    const { clock } = useWorld(server)
    const home = mkdtempSync(join(tmpdir(), 'ucdn-prefetch-config-'))
    const result = await runCli(['--profile', 'prod'], clock, { env: { HOME: home } })
    expect(result.code).toBe(3)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('profile "prod" was named, so only its keys count')
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1)
  })

  it("a broken shared config file is a broken set-up: exit 3, one line in the CLI's terms", async () => {
    const { clock } = useWorld(server)
    const home = mkdtempSync(join(tmpdir(), 'ucdn-prefetch-config-'))
    mkdirSync(join(home, '.ucloud'))
    writeFileSync(join(home, '.ucloud', 'config.json'), '{ not json')
    // No project in the environment, so the CLI's client reads the file.
    const result = await runCli([], clock, { env: { HOME: home, UCLOUD_PROJECT_ID: undefined } })
    expect(result.code).toBe(3)
    expect(lines(result.stderr)).toEqual([
      `ucdn-prefetch: The shared config file ${join(home, '.ucloud', 'config.json')} is not valid JSON; fix it, or set UCLOUD_SHARED_CONFIG_FILE to another file.`,
    ])
  })

  it.each([
    ['blank', ''],
    ['with spaces around it', ' prod '],
  ])('--profile %s is a usage error naming --profile', async (_, value) => {
    const { clock } = useWorld(server)
    const result = await runCli(['--profile', value], clock)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^ucdn-prefetch: option '--profile <name>' argument .* is invalid\. Give /)
  })

  it('--base-url wins over UCLOUD_API_BASE_URL', async () => {
    const { clock } = useWorld(server)
    const env = { UCLOUD_API_BASE_URL: 'https://elsewhere.invalid' }
    const result = await runCli(['--base-url', 'https://api.test.scloud.example'], clock, { env })
    expect(result.code).toBe(0)
    expect(rowIds(result.stdout)).toEqual(['tBusy', 'tFail', 'tDone'])
  })
})

describe('the transport', () => {
  it('sends through io.fetch when one is given', async () => {
    const { clock } = useWorld(server)
    const urls: string[] = []
    const fetch: typeof globalThis.fetch = (input, init) => {
      urls.push(input instanceof Request ? input.url : String(input))
      return globalThis.fetch(input, init)
    }
    const result = await runCli([], clock, { fetch })
    expect(result.code).toBe(0)
    expect(urls).toEqual(['https://api.test.scloud.example/'])
  })
})

describe('--task-id', () => {
  it("adds each chosen task's URLs with status, progress and finished time", async () => {
    const { clock } = useWorld(server)
    const result = await runCli(['--task-id', 'tFail', '-t', 'tDone'], clock)
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toMatchInlineSnapshot(`
      "TASK ID  CREATED (UTC)        STATUS     URLS DONE  FAILED  PROGRESS
      tFail    2026-01-31 07:00:00  ✗ failure        2/2       1       50%
      tDone    2026-01-31 06:00:00  ✓ success        2/2       0      100%

      Task tFail  ✗ failure  created 2026-01-31 07:00:00  2/2 URLs done, 1 failed
        URL                               STATUS     PROGRESS  FINISHED (UTC)
        https://cdn.example.com/ok.png    ✓ success      100%  2026-01-31 07:00:01
        https://cdn.example.com/gone.png  ✗ failure        0%  2026-01-31 07:00:01

      Task tDone  ✓ success  created 2026-01-31 06:00:00  2/2 URLs done
        URL                            STATUS     PROGRESS  FINISHED (UTC)
        https://cdn.example.com/a.js   ✓ success      100%  2026-01-31 06:00:01
        https://cdn.example.com/b.css  ✓ success      100%  2026-01-31 06:00:02

      2 tasks: 1 success, 1 failure · 4/4 URLs done (75%) · 1 failed URL: https://cdn.example.com/gone.png (tFail)
      "
    `)
  })

  it('names task ids the API does not return and exits 1 on them (issue 16 #5: a typo never passes)', async () => {
    const { clock } = useWorld(server)
    const result = await runCli(['--task-id', 'tDone,nope'], clock)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      'ucdn-prefetch: task nope not found (the API searches the last 24 hours unless --since says otherwise).\n',
    )
    expect((await runCli(['--task-id', 'nope'], clock)).code).toBe(1)
    expect((await runCli(['--task-id', 'tDone,nope', '--fail-on-failure'], clock)).code).toBe(1)
    const old = await runCli(['--task-id', 'tOld', '--since', '4d'], clock)
    expect(old).toMatchObject({ code: 0, stderr: '' })
  })
})

describe('API data with control characters', () => {
  const EVIL_ID = 'evil\u001b]0;pwned\u0007\nFORGED ROW'
  const EVIL_URL = 'https://cdn.example.com/\u001b[2J\u001b[31mred\nFORGED LINE'

  it('shows them escaped in the table, the URL list and the summary; --json keeps them exact', async () => {
    const { clock } = useWorld(server, [
      {
        taskId: EVIL_ID,
        createdAt: T0 - 1_000,
        urls: [{ url: EVIL_URL, waitMs: 0, processMs: 1, outcome: 'failure' }],
      },
    ])
    clock.advance(10)
    const result = await runCli(['-t', EVIL_ID], clock)
    expect(result.code).toBe(0)
    expect(controlCharacters(result.stdout)).toEqual([])
    expect(lines(result.stdout).filter((line) => line.startsWith('FORGED'))).toEqual([])
    expect(result.stdout).toContain('evil\\x1b]0;pwned\\x07\\nFORGED ROW  2026-01-31 07:59:59  ✗ failure')
    expect(result.stdout).toContain('https://cdn.example.com/\\x1b[2J\\x1b[31mred\\nFORGED LINE  ✗ failure')
    const json = await runCli(['-t', EVIL_ID, '--json'], clock)
    expect(JSON.parse(json.stdout).TaskList[0]).toMatchObject({
      TaskId: EVIL_ID,
      UrlLists: [{ Url: EVIL_URL }],
    })
  })

  it('shows a task id that is not found escaped', async () => {
    const { clock } = useWorld(server)
    const result = await runCli(['-t', 'nope\u001b[2J'], clock)
    expect(result.stderr).toMatch(/^ucdn-prefetch: task nope\\x1b\[2J not found \(/)
  })
})

describe('pagination', () => {
  const many: PrefetchTaskSeed[] = Array.from({ length: 120 }, (_, i) => ({
    taskId: `t${String(i).padStart(3, '0')}`,
    createdAt: T0 - (i + 1) * 60_000,
    urls: ['https://cdn.example.com/x'],
  }))

  it('shows 50 tasks by default and says how many there are', async () => {
    const { clock } = useWorld(server, many)
    const result = await runCli([], clock)
    expect(rowIds(result.stdout)).toHaveLength(50)
    expect(result.stderr).toBe('Showing 50 of 120 tasks; use --limit <n> or --all for more.\n')
  })

  it('--limit shows that many', async () => {
    const { clock } = useWorld(server, many)
    const result = await runCli(['--limit', '7'], clock)
    expect(rowIds(result.stdout)).toEqual(['t000', 't001', 't002', 't003', 't004', 't005', 't006'])
    expect(result.stderr).toBe('Showing 7 of 120 tasks; use --limit <n> or --all for more.\n')
  })

  it('--all fetches every page', async () => {
    const { clock } = useWorld(server, many)
    const result = await runCli(['--all'], clock)
    expect(rowIds(result.stdout)).toEqual(many.map((t) => t.taskId))
    expect(result.stderr).toBe('')
  })
})

describe('--json', () => {
  it("prints { TotalCount, TaskList } in the API's wire shape, valid against the spec's response schema", async () => {
    const { clock } = useWorld(server)
    const result = await runCli(['--json', '--limit', '2'], clock)
    expect(result).toMatchObject({ code: 0 })
    const json = JSON.parse(result.stdout) as { TotalCount: number; TaskList: { TaskId: string }[] }
    expect(Object.keys(json)).toEqual(['TotalCount', 'TaskList'])
    expect(json.TotalCount).toBe(3)
    expect(json.TaskList.map((t) => t.TaskId)).toEqual(['tBusy', 'tFail'])
    const answer = { RetCode: 0, Action: 'DescribeNewUcdnPrefetchCacheTaskResponse', ...json }
    // The schema drops unknown keys: equality proves every key is one the spec defines.
    expect(DescribeNewUcdnPrefetchCacheTaskResponseSchema.parse(answer)).toEqual(answer)
    expect(json.TaskList[1]).toEqual({
      TaskId: 'tFail',
      CreateTime: T0s - 3600,
      Status: 'failure',
      UrlLists: [
        {
          Url: 'https://cdn.example.com/ok.png',
          CreateTime: T0s - 3600,
          FinishTime: T0s - 3600 + 1,
          Status: 'success',
          Progress: 100,
        },
        {
          Url: 'https://cdn.example.com/gone.png',
          CreateTime: T0s - 3600,
          FinishTime: T0s - 3600 + 1,
          Status: 'failure',
          Progress: expect.any(Number),
        },
      ],
    })
  })

  it('prints an empty list as JSON too', async () => {
    const { clock } = useWorld(server, [])
    const result = await runCli(['--json'], clock)
    expect(JSON.parse(result.stdout)).toEqual({ TotalCount: 0, TaskList: [] })
  })
})

describe('--fail-on-failure', () => {
  it('exits 1 when a listed task failed, 0 otherwise', async () => {
    const { clock } = useWorld(server)
    expect((await runCli([], clock)).code).toBe(0)
    expect((await runCli(['--fail-on-failure'], clock)).code).toBe(1)
    expect((await runCli(['--fail-on-failure', '--status', 'success'], clock)).code).toBe(0)
  })
})

describe('colors', () => {
  it('colors statuses on a terminal only, and never with NO_COLOR or --no-color', async () => {
    const { clock } = useWorld(server)
    expect((await runCli([], clock, { tty: true })).stdout).toContain(`${ESC}31mfailure${ESC}39m`)
    expect((await runCli([], clock)).stdout).not.toContain(ESC)
    expect((await runCli([], clock, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC)
    expect((await runCli(['--no-color'], clock, { tty: true })).stdout).not.toContain(ESC)
    expect((await runCli([], clock, { env: { FORCE_COLOR: '1' } })).stdout).toContain(`${ESC}32msuccess`)
  })
})

describe('--verbose', () => {
  it('logs each API call on stderr, without the private key or the signature', async () => {
    const { clock } = useWorld(server)
    const result = await runCli(['--verbose'], clock)
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/^debug: .*DescribeNewUcdnPrefetchCacheTask attempt 1\/\d+: HTTP 200/m)
    expect(result.stderr).not.toContain(DEMO_CREDENTIALS.privateKey)
    expect(result.stderr).not.toMatch(/[0-9a-f]{40}/)
  })
})

describe('help and version', () => {
  it('prints them on stdout and exits 0 without calling the API', async () => {
    const { clock } = useWorld(server)
    const help = await runCli(['--help'], clock)
    expect(help).toMatchObject({ code: 0, stderr: '' })
    expect(help.stdout).toMatch(/^Usage: ucdn-prefetch \[options\]/)
    for (const flag of [
      '--task-id',
      '--since',
      '--until',
      '--status',
      '--limit',
      '--all',
      '--project-id',
      '--dcdn',
    ]) {
      expect(help.stdout).toContain(flag)
    }
    for (const flag of [
      '--json',
      '--watch',
      '--fail-on-failure',
      '--timeout',
      '--base-url',
      '--profile',
      '--mock',
    ]) {
      expect(help.stdout).toContain(flag)
    }
    expect(help.stdout).toContain('--live')
    expect(help.stdout).toContain('--verbose')
    const version = await runCli(['--version'], clock)
    expect(version).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' })
  })
})

describe('usage errors', () => {
  it.each([
    [['--since', 'tomorrow'], '--since'],
    [['--until', '2026-02-30'], '--until'],
    [['--status', 'done'], '--status'],
    [['--limit', '-1'], '--limit'],
    [['--limit', '3', '--all'], '--limit'],
    [['--mock', '--live'], '--mock'],
    [['--since', '1h', '--until', '2h'], '--since'],
    [['--timeout', '0'], '--timeout'],
    [['--watch-timeout', 'never'], '--watch-timeout'],
    [['--frobnicate'], '--frobnicate'],
  ])('%j exits 2 with one line naming %s', async (argv, option) => {
    const { clock } = useWorld(server)
    const result = await runCli(argv, clock)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(lines(result.stderr)).toHaveLength(1)
    expect(result.stderr).toMatch(/^ucdn-prefetch: /)
    expect(result.stderr).toContain(option)
  })

  it('reports a bad UCLOUD_* variable as a usage error naming it', async () => {
    const { clock } = useWorld(server)
    const result = await runCli([], clock, { env: { UCLOUD_TIMEOUT_SECOND: 'soon' } })
    expect(result.code).toBe(2)
    expect(lines(result.stderr)).toHaveLength(1)
    expect(result.stderr).toContain('UCLOUD_TIMEOUT_SECOND')
  })
})

describe('credentials from the shared file', () => {
  it('--profile picks the profile', async () => {
    const { clock } = useWorld(server)
    const { writeFileSync, mkdtempSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const dir = mkdtempSync(join(tmpdir(), 'ucdn-prefetch-cred-'))
    const file = join(dir, 'credential.json')
    writeFileSync(
      file,
      JSON.stringify([
        { profile: 'default', public_key: 'someone-else', private_key: 'not-the-demo-key' },
        { profile: 'prod', public_key: DEMO_CREDENTIALS.publicKey, private_key: DEMO_CREDENTIALS.privateKey },
      ]),
    )
    const env = {
      UCLOUD_PUBLIC_KEY: undefined,
      UCLOUD_PRIVATE_KEY: undefined,
      UCLOUD_SHARED_CREDENTIAL_FILE: file,
    }
    const prod = await runCli(['--profile', 'prod'], clock, { env })
    expect(prod).toMatchObject({ code: 0, stderr: '' })
    expect(rowIds(prod.stdout)).toEqual(['tBusy', 'tFail', 'tDone'])
    const fallback = await runCli([], clock, { env })
    expect(fallback.code).toBe(3) // the default profile's key is not one the API knows
    expect(fallback.stderr).toContain('RetCode 172')
    const missing = await runCli(['--profile', 'staging'], clock, { env })
    expect(missing.code).toBe(3)
    expect(missing.stderr).toContain('profile "staging"')
    expect(missing.stderr).not.toContain('demo API (pass')
  })
})
