import { describe, expect, it } from 'vitest'
import { controlCharacters } from '../test/control-characters.js'
import { UsageError } from './errors.js'
import { type CliOptions, parseArgs, VERSION } from './options.js'

const NOW_MS = Date.UTC(2026, 0, 31, 12, 0, 0)
const NOW = NOW_MS / 1000

function options(...argv: string[]): CliOptions {
  const result = parseArgs(argv, NOW_MS)
  if (result.kind !== 'run') throw new Error(`expected options, got ${result.text}`)
  return result.options
}

function usageError(...argv: string[]): string {
  try {
    parseArgs(argv, NOW_MS)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`)
}

describe('parseArgs', () => {
  it('has quiet defaults', () => {
    expect(options()).toEqual({
      taskIds: [],
      all: false,
      dcdn: false,
      refresh: false,
      output: 'table',
      quiet: false,
      watch: false,
      failOnFailure: false,
      watchTimeoutSeconds: 3600,
      mock: false,
      live: false,
      verbose: false,
      color: true,
    })
  })

  it('collects repeated and comma-separated task ids, once each', () => {
    expect(options('--task-id', 'a', '-t', 'b,c', '--task-id=a', '-t', 'd,d').taskIds).toEqual([
      'a',
      'b',
      'c',
      'd',
    ])
  })

  it('reads --since/--until in every format into Unix seconds', () => {
    expect(options('--since', '2h', '--until', '30m')).toMatchObject({ since: NOW - 7200, until: NOW - 1800 })
    expect(options('--since', '1700000000').since).toBe(1_700_000_000)
    expect(options('--since', '2026-01-30T00:00:00Z').since).toBe(Date.UTC(2026, 0, 30) / 1000)
  })

  it('reads every flag and value option', () => {
    expect(
      options(
        '--status=failure',
        '--limit',
        '10',
        '--project-id',
        'org-1',
        '--dcdn',
        '--json',
        '--watch',
        '--fail-on-failure',
        '--watch-timeout',
        '20m',
        '--timeout',
        '2.5',
        '--base-url',
        'http://127.0.0.1:9/',
        '--profile',
        'prod',
        '--live',
        '--verbose',
        '--no-color',
      ),
    ).toEqual({
      taskIds: [],
      status: 'failure',
      limit: 10,
      all: false,
      projectId: 'org-1',
      dcdn: true,
      refresh: false,
      output: 'json',
      quiet: false,
      watch: true,
      failOnFailure: true,
      watchTimeoutSeconds: 1200,
      timeoutSeconds: 2.5,
      baseUrl: 'http://127.0.0.1:9/',
      profile: 'prod',
      mock: false,
      live: true,
      verbose: true,
      color: false,
    })
    expect(options('--all').all).toBe(true)
    expect(options('--mock').mock).toBe(true)
  })

  it('returns help and version text instead of running', () => {
    const help = parseArgs(['--help'], NOW_MS)
    expect(help.kind).toBe('exit')
    expect(help.kind === 'exit' && help.text).toMatch(
      /Usage: ucdn-prefetch \[options\][\s\S]*--watch[\s\S]*Exit codes/,
    )
    expect(parseArgs(['--version'], NOW_MS)).toEqual({ kind: 'exit', text: `${VERSION}\n` })
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/)
  })

  it.each([
    [['--since', '3 days'], /--since <time>.*Cannot read "3 days" as a time/],
    [['--since', '99999999999999999999d'], /--since <time>.*is before 1970/],
    [['--since', '60000w'], /--since <time>.*is before 1970/],
    [['--output', 'xml'], /--output <format>.*Allowed choices are table, json, ndjson, yaml/],
    [['--output', 'yaml', '--json'], /--json cannot be used with --output yaml/],
    [['--interval', '0'], /--interval <duration>.*above 0/],
    [['--until', '2026-02-30'], /--until <time>.*not a valid date/],
    [['--status', 'done'], /--status <status>.*Allowed choices are success, wait, process, failure, unknow/],
    [['--limit', '-5'], /--limit <n>.*"-5" is invalid/],
    [['--limit', '0'], /--limit <n>.*"0" is invalid/],
    [['--limit', '2.5'], /--limit <n>.*"2.5" is invalid/],
    [['--limit', '99999999999999999999999'], /--limit <n>.*is invalid\. Give at most 9007199254740991\./],
    [['--limit', '1'.repeat(100_000)], /--limit <n>' argument "1{39}…" is invalid\. Give at most/],
    [['--limit', '9007199254740992'], /--limit <n>.*Give at most 9007199254740991/],
    [['--watch-timeout', '99999999999999999999'], /--watch-timeout <duration>.*Give at most/],
    [['--watch-timeout', '9999999999999999w'], /--watch-timeout <duration>.*Give at most/],
    [['--limit', '5', '--all'], /--limit <n>' cannot be used with option '-a, --all'/],
    [['--mock', '--live'], /'--mock' cannot be used with option '--live'/],
    [['--mock', '--base-url', 'http://x'], /'--mock' cannot be used with option '--base-url <url>'/],
    [['--since', '1h', '--until', '2h'], /^--since is after --until/],
    [['--timeout', '0'], /--timeout <seconds>.*"0" is invalid/],
    [['--watch-timeout', 'forever'], /--watch-timeout <duration>.*"forever" as a length of time/],
    [['--timeout', 'soon'], /--timeout <seconds>.*"soon" is invalid/],
    [['--base-url', 'api.scloudsg.com'], /--base-url <url>.*absolute http\(s\) URL/],
    [['--task-id', ','], /--task-id <id>.*Give a task id/],
    [['--task-id'], /--task-id <id>' argument missing/],
    [['--frobnicate'], /^unknown option "--frobnicate"$/],
    [['--sinse', '1h'], /^unknown option "--sinse"; did you mean --since\?$/],
    [['abc123'], /unexpected argument "abc123"; give task ids with --task-id/],
    [['--', '--watch'], /unexpected argument "--watch"; options after "--" are not read/],
  ])('rejects %j with one line naming the problem', (argv, message) => {
    const text = usageError(...argv)
    expect(text).toMatch(message)
    expect(text).not.toContain('\n')
  })

  it('reads --status and --output in any case, as --since reads 1H', () => {
    expect(options('--status', 'FAILURE').status).toBe('failure')
    expect(options('-s', 'Success', '--output', 'YAML')).toMatchObject({ status: 'success', output: 'yaml' })
    expect(options('--since', '1H').since).toBe(NOW - 3600)
  })

  it('keeps --json meaning the final JSON while watching (ucdn-prefetch as it always was)', () => {
    expect(options('--watch', '--json').output).toBe('json')
    expect(options('--watch', '-o', 'ndjson', '--interval', '5s')).toMatchObject({
      output: 'ndjson',
      intervalSeconds: 5,
    })
  })

  it('has a help footer of at most 80 columns that names every exit code', () => {
    const help = parseArgs(['--help'], NOW_MS)
    const text = help.kind === 'exit' ? help.text : ''
    const footer = text.slice(text.indexOf('Without credentials'))
    for (const line of footer.split('\n')) expect(line.length).toBeLessThanOrEqual(80)
    for (const code of [0, 1, 2, 3, 70, 130]) expect(footer).toMatch(new RegExp(`\\b${code}\\b`))
    expect(footer).toContain('ucdn configure')
  })

  it('accepts the largest exact --limit', () => {
    expect(options('--limit', String(Number.MAX_SAFE_INTEGER)).limit).toBe(Number.MAX_SAFE_INTEGER)
  })

  // A value is quoted through quote() wherever it is echoed: by our readers and in commander's own messages.
  it.each([
    [['--since', 'now\nERROR: forged'], /argument "now\\nERROR: forged" is invalid/],
    [['--since=\u001b[2J'], /argument "\\x1b\[2J" is invalid/],
    [['--status', 'success\u202e'], /argument "success\\u202e" is invalid\. Allowed choices are/],
    [['--watch-timeout', '10m\rforged'], /argument "10m\\rforged" is invalid/],
    [['--task-id', ',\u2028'], /argument ",\\u2028" is invalid\. Give a task id/],
    [['--base-url', 'ftp://x\n'], /argument "ftp:\/\/x\\n" is invalid/],
    [['--evil\u001b]0;title\u0007'], /^unknown option "--evil\\x1b]0;title\\x07"$/],
    [['--x=\nforged'], /^unknown option "--x=\\nforged"$/],
    [['-x\u009b'], /^unknown option "-x\\x9b"$/],
    [['task\nid'], /^unexpected argument "task\\nid"; give task ids/],
  ])('escapes control characters in %j', (argv, message) => {
    const text = usageError(...argv)
    expect(text).toMatch(message)
    expect(controlCharacters(text)).toEqual([])
  })

  it.each([
    ['--since', '9'.repeat(1_000_000)],
    ['--since', 'x'.repeat(1_000_000)],
    ['--status', 's'.repeat(100_000)],
    ['--watch-timeout', 'y'.repeat(100_000)],
    ['--base-url', `ftp://${'h'.repeat(100_000)}`],
    [`--${'z'.repeat(100_000)}`, ''],
    [`--since=${'q'.repeat(100_000)}`, ''],
  ])('cuts a huge %s value to a short line', (option, value) => {
    const text = usageError(...[option, value].filter((arg) => arg !== ''))
    expect(text.length).toBeLessThan(300)
    expect(text).toMatch(/"[^"]{39}…"/)
  })
})
