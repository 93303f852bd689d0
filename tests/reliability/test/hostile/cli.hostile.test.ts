// ucdn-prefetch given hostile arguments: each is a usage error (exit 2) told in one clear line, never a stack
// trace, never a crash; arguments that are odd but valid (unicode task ids) just work.
import {
  createManualClock,
  createPrefetchBackend,
  createUcdnHandlers,
  DEMO_CREDENTIALS,
} from '@scloud/ucdn-mock'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliResult, controlCharacters, runCli } from '../support/cli.js'

const API = 'https://api.cli-hostile.test'
const T0 = Date.UTC(2026, 10, 29, 8)
const clock = createManualClock(T0)
const backend = createPrefetchBackend({ clock })
/** An API whose data is hostile: control characters in a task id and a URL. */
const EVIL_API = 'https://api.cli-evil-data.test'
const EVIL_ID = 'evil\u001b]0;pwned\u0007\nFORGED ROW'
const evilBackend = createPrefetchBackend({ clock })
/** An API that answers every call with `RAW_ANSWERS[host]`, whatever was asked. */
const RAW_ANSWERS: Record<string, () => string> = {
  // One page of 200,000 tasks where 50 were asked for: once spread into push(), which overflowed the stack.
  'api.cli-huge-page.test': () =>
    JSON.stringify({
      RetCode: 0,
      Action: 'DescribeNewUcdnPrefetchCacheTaskResponse',
      TotalCount: 200_000,
      TaskList: Array.from({ length: 200_000 }, (_, i) => ({
        TaskId: `t${i}`,
        CreateTime: T0 / 1000 - i,
        Status: 'success',
        UrlLists: [],
      })),
    }),
  // Pollution keys in the data: kept as data, never reaching a prototype.
  'api.cli-pollution.test': () =>
    `{"RetCode":0,"Action":"DescribeNewUcdnPrefetchCacheTaskResponse","TotalCount":1,"__proto__":{"polluted":1},` +
    `"constructor":{"prototype":{"polluted":1}},"TaskList":[{"TaskId":"p1","Status":"success","__proto__":` +
    `{"polluted":1},"UrlLists":[{"Url":"https://cdn.example.com/a","Status":"success","Progress":100,` +
    `"__proto__":{"polluted":1}}]}]}`,
  // 200,000 levels of nesting in an unknown field.
  'api.cli-deep.test': () =>
    `{"RetCode":0,"Action":"DescribeNewUcdnPrefetchCacheTaskResponse","TotalCount":0,"TaskList":[],` +
    `"Deep":${'['.repeat(200_000)}${']'.repeat(200_000)}}`,
}
const server = setupServer(
  ...createUcdnHandlers({ baseUrl: API, backend }),
  ...createUcdnHandlers({ baseUrl: EVIL_API, backend: evilBackend }),
  http.post(/^https:\/\/api\.cli-(huge-page|pollution|deep)\.test\//, ({ request }) =>
    HttpResponse.text(RAW_ANSWERS[new URL(request.url).host]!(), {
      headers: { 'Content-Type': 'application/json' },
    }),
  ),
)
const ENV = {
  UCLOUD_PUBLIC_KEY: DEMO_CREDENTIALS.publicKey,
  UCLOUD_PRIVATE_KEY: DEMO_CREDENTIALS.privateKey,
  UCLOUD_API_BASE_URL: API,
}

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
  backend.addTask({ taskId: '任务-💥', urls: ['https://cdn.example.com/ünïcödé.js'], createdAt: T0 - 60_000 })
  evilBackend.addTask({
    taskId: EVIL_ID,
    createdAt: T0 - 1_000,
    urls: ['https://cdn.example.com/\u001b[2J\u001b[31mred\nFORGED LINE'],
  })
  backend.addTask({
    taskId: 'slow-task',
    createdAt: T0 - 1_000,
    urls: [{ url: 'https://cdn.example.com/big.bin', waitMs: 5_000, processMs: 60_000 }],
  })
})
afterAll(() => server.close())

const cli = (argv: string[]) => runCli(argv, clock, ENV)

/** Exit 2, nothing on stdout, exactly one line on stderr: short, printable, no stack frame. */
function expectUsageError(result: CliResult): void {
  expect(result.code, result.stderr).toBe(2)
  expect(result.stdout).toBe('')
  expect(result.stderr).toMatch(/^ucdn-prefetch: /)
  expect(result.stderr.endsWith('\n')).toBe(true)
  const body = result.stderr.slice(0, -1)
  expect(body.split('\n'), 'one line').toHaveLength(1)
  expect(controlCharacters(body), 'no control characters').toEqual([])
  expect(body.length, 'a line a person can read').toBeLessThanOrEqual(300)
  expect(body).not.toMatch(/\bat .+:\d+:\d+/)
}

const HOSTILE: readonly (readonly [string, readonly string[]])[] = [
  ['--since garbage', ['--since', 'yesterday-ish']],
  ['--since empty', ['--since', '']],
  ['--since Feb 30th', ['--since', '2026-02-30']],
  ['--since a 20-digit number', ['--since', '99999999999999999999']],
  ['--since negative', ['--since', '-5']],
  ['--since in exponent form', ['--since', '1e9']],
  ['--since fullwidth digits', ['--since', '１７００００００００']],
  ['--since after --until', ['--since', '2026-01-02', '--until', '2026-01-01']],
  ['--until garbage', ['--until', 'tomorrow']],
  ['--task-id empty', ['--task-id', '']],
  ['--task-id only commas', ['--task-id', ',,,']],
  ['--task-id only spaces', ['-t', '   ']],
  ['--status misspelt', ['--status', 'SUCCES']],
  ['--status in Chinese', ['--status', '成功']],
  ['--limit 0', ['--limit', '0']],
  ['--limit negative', ['--limit', '-1']],
  ['--limit fractional', ['--limit', '1.5']],
  ['--limit exponent', ['--limit', '1e3']],
  ['--limit fullwidth', ['--limit', '５']],
  ['--limit with --all', ['--limit', '5', '--all']],
  ['--timeout Infinity', ['--timeout', '1e400']],
  ['--timeout zero', ['--timeout', '0']],
  ['--timeout NaN', ['--timeout', 'NaN']],
  ['--watch-timeout garbage', ['--watch-timeout', '10x']],
  ['--watch-timeout zero', ['--watch-timeout', '0s']],
  ['--base-url javascript:', ['--base-url', 'javascript:alert(1)']],
  ['--base-url ftp:', ['--base-url', 'ftp://example.com']],
  ['--base-url not a URL', ['--base-url', 'http://[::1']],
  ['--base-url with a query', ['--base-url', 'https://api.example.com/?x=1']],
  ['--project-id empty', ['--project-id', '']],
  ['an unknown option', ['--frobnicate']],
  ['an unknown short option', ['-x']],
  ['a positional argument', ['abc']],
  ['a missing value', ['--since']],
  ['--mock with --live', ['--mock', '--live']],
]

describe('hostile arguments are usage errors: exit 2, one clear line', () => {
  it.each(HOSTILE)('%s', async (_name, argv) => {
    expectUsageError(await cli([...argv]))
  })

  it.each(HOSTILE.slice(0, 5))('%s, with --verbose as well', async (_name, argv) => {
    expectUsageError(await cli(['--verbose', ...argv]))
  })
})

// Once a bug: the usage error quoted the raw argument, so a newline or an escape sequence broke the one line (or
// drove the terminal) and a 1 MB value made a 2 MB "line". The CLI now quotes every value through one helper
// (apps/prefetch-cli/src/printable.ts) that escapes control characters and cuts the value to ~40 characters.
describe('values that could break the one line', () => {
  it.each([
    ['a newline in --since', ['--since', 'now\nERROR: forged second line']],
    ['a terminal escape in --since', ['--since', '\u001b[2J\u001b[31mred']],
    ['a newline in --status', ['--status', 'success\nforged']],
    ['a carriage return in --watch-timeout', ['--watch-timeout', '10m\rforged']],
  ])('%s', async (_name, argv) => {
    expectUsageError(await cli([...argv]))
  })

  it.each([
    ['--since', '9'.repeat(1_000_000)],
    ['--since', 'x'.repeat(1_000_000)],
    ['--status', 's'.repeat(100_000)],
    ['--watch-timeout', 'y'.repeat(100_000)],
  ])('an extremely long %s value (%#)', async (option, value) => {
    expectUsageError(await cli([option, value]))
  })
})

describe('odd but valid arguments work', () => {
  it('a unicode task id (astral plane included) is found and shown', async () => {
    const result = await cli(['-t', '任务-💥'])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('任务-💥')
    expect(result.stdout).toContain('https://cdn.example.com/ünïcödé.js')
  })

  it.each([
    ['20 digits', '99999999999999999999999'],
    ['100,000 digits', '1'.repeat(100_000)],
  ])(
    'a huge --limit (%s) is a usage error naming the option, never "no limit" or a crash',
    async (_name, value) => {
      const result = await cli(['--limit', value])
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('--limit')
      expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/)
    },
  )
})

// Once a bug: strings from the API reached the terminal as they came, so a task id or URL holding an escape
// sequence retitled the terminal (OSC 0), cleared the screen or recoloured what followed, and a newline forged a
// row of the table. The table, URL list, summary and error lines now show them through printable(), escaped.
// --json was always safe (JSON escapes them).
describe('hostile data from the API', () => {
  it('--json escapes control characters (it is JSON)', async () => {
    const result = await runCli(['--json'], clock, { ...ENV, UCLOUD_API_BASE_URL: EVIL_API })
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout).TaskList[0].TaskId).toBe(EVIL_ID)
    expect(controlCharacters(result.stdout)).toEqual([])
  })

  it('the table and the URL list show control characters escaped, never raw', async () => {
    const result = await runCli(['-t', EVIL_ID], clock, { ...ENV, UCLOUD_API_BASE_URL: EVIL_API })
    expect(result.code).toBe(0)
    expect(controlCharacters(result.stdout)).toEqual([])
    expect(result.stdout.split('\n').filter((line) => line.startsWith('FORGED'))).toEqual([])
  })
})

describe('hostile answers from the API', () => {
  const fromApi = (host: string, argv: string[] = []) =>
    runCli(argv, clock, { ...ENV, UCLOUD_API_BASE_URL: `https://${host}` })

  it('a page far longer than asked for → the table shows the limit, no crash', async () => {
    const result = await fromApi('api.cli-huge-page.test')
    expect(result.code, result.stderr).toBe(0)
    const rows = result.stdout.split('\n').filter((line) => /^t\d+ /.test(line))
    expect(rows).toHaveLength(50)
    expect(result.stderr).toMatch(/^Showing 50 of 200000 tasks; /)
  })

  it('pollution keys in the answer → shown as data, no prototype touched', async () => {
    const result = await fromApi('api.cli-pollution.test', ['--json'])
    expect(result.code, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout).TaskList[0].TaskId).toBe('p1')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('200,000 levels of nesting in an unknown field → ignored like any unknown field, no crash', async () => {
    const result = await fromApi('api.cli-deep.test')
    expect(result).toEqual({ code: 0, stdout: 'No prefetch tasks in the last 24 hours.\n', stderr: '' })
  })
})
