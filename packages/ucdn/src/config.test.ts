import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, resolveConfig, type UcdnClientOptions } from './config.js'
import { UcdnError } from './errors.js'

const rejection = (options: unknown): UcdnError => {
  try {
    resolveConfig(options as UcdnClientOptions)
  } catch (error) {
    if (error instanceof UcdnError) return error
    throw error
  }
  throw new Error('expected a rejection')
}

describe('resolveConfig', () => {
  it('defaults: the public endpoint, 30 s per attempt, 2 retries', () => {
    const config = resolveConfig({ env: {} })
    expect(config).toMatchObject({
      baseUrl: 'https://api.scloudsg.com',
      projectId: undefined,
      timeoutMs: DEFAULT_TIMEOUT_MS,
      maxRetries: DEFAULT_MAX_RETRIES,
    })
    expect(DEFAULT_TIMEOUT_MS).toBe(30_000)
    expect(DEFAULT_MAX_RETRIES).toBe(2)
  })

  it('reads UCLOUD_API_BASE_URL, UCLOUD_PROJECT_ID and UCLOUD_TIMEOUT_SECOND', () => {
    const config = resolveConfig({
      env: {
        UCLOUD_API_BASE_URL: 'http://127.0.0.1:8080/',
        UCLOUD_PROJECT_ID: 'org-x',
        UCLOUD_TIMEOUT_SECOND: '2.5',
      },
    })
    expect(config).toMatchObject({ baseUrl: 'http://127.0.0.1:8080', projectId: 'org-x', timeoutMs: 2500 })
  })

  it('lets explicit options win over the environment', () => {
    const config = resolveConfig({
      baseUrl: 'https://proxy.example/ucloud/',
      projectId: 'mine',
      timeoutMs: 100,
      env: { UCLOUD_API_BASE_URL: 'http://env', UCLOUD_PROJECT_ID: 'env', UCLOUD_TIMEOUT_SECOND: '9' },
    })
    expect(config).toMatchObject({
      baseUrl: 'https://proxy.example/ucloud',
      projectId: 'mine',
      timeoutMs: 100,
    })
  })

  it('reads process.env when no env is given', () => {
    process.env.UCLOUD_PROJECT_ID = 'from-process'
    try {
      expect(resolveConfig().projectId).toBe('from-process')
    } finally {
      delete process.env.UCLOUD_PROJECT_ID
    }
  })

  it('finds the shared config file and profile through process.env when no env is given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ucdn-config-'))
    const saved = { ...process.env }
    try {
      const path = join(dir, 'config.json')
      writeFileSync(path, JSON.stringify([{ profile: 'p', project_id: 'org-p' }]))
      process.env.UCLOUD_SHARED_CONFIG_FILE = path
      process.env.UCLOUD_PROFILE = 'p'
      expect(resolveConfig().projectId).toBe('org-p')
    } finally {
      process.env = saved
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('ignores empty environment variables', () => {
    expect(resolveConfig({ env: { UCLOUD_API_BASE_URL: ' ', UCLOUD_TIMEOUT_SECOND: '' } })).toMatchObject({
      baseUrl: 'https://api.scloudsg.com',
      timeoutMs: 30_000,
    })
  })

  it('builds the User-Agent with the custom suffix', () => {
    expect(resolveConfig({ env: {}, userAgent: 'my-app/1' }).userAgent).toMatch(/Product\/UCDN my-app\/1$/)
  })

  it('merges retry tuning with the defaults', () => {
    expect(resolveConfig({ env: {}, retry: { baseDelayMs: 5 } }).backoff).toEqual({
      baseDelayMs: 5,
      maxDelayMs: 20_000,
      maxRetryAfterMs: 60_000,
    })
  })

  it.each<[string, unknown, string]>([
    ['a relative baseUrl', { baseUrl: '/api' }, 'baseUrl must be an http(s) URL without query or fragment'],
    ['an ftp baseUrl', { baseUrl: 'ftp://x' }, 'baseUrl must be an http(s) URL'],
    ['a baseUrl with a query', { baseUrl: 'https://x/?a=1' }, 'got "https://x/?a=1"'],
    [
      'a bad UCLOUD_API_BASE_URL',
      { env: { UCLOUD_API_BASE_URL: 'nope' } },
      'UCLOUD_API_BASE_URL must be an http(s) URL',
    ],
    ['a zero timeoutMs', { timeoutMs: 0 }, 'timeoutMs must be a positive number'],
    [
      'a bad UCLOUD_TIMEOUT_SECOND',
      { env: { UCLOUD_TIMEOUT_SECOND: 'ten' } },
      'UCLOUD_TIMEOUT_SECOND must be a positive',
    ],
    ['a negative maxRetries', { maxRetries: -1 }, 'maxRetries must be an integer ≥ 0'],
    ['a fractional maxRetries', { maxRetries: 1.5 }, 'maxRetries must be an integer ≥ 0'],
    ['a zero maxResponseBytes', { maxResponseBytes: 0 }, 'maxResponseBytes must be an integer ≥ 1'],
    [
      'an infinite maxResponseBytes',
      { maxResponseBytes: Infinity },
      'maxResponseBytes must be an integer ≥ 1',
    ],
    ['an empty projectId', { projectId: ' ' }, 'projectId must be a non-empty string'],
    ['a fetch that is not a function', { fetch: 'x' }, 'fetch must be a function'],
    [
      'a logger without debug',
      { logger: {} },
      'logger must be an object with a debug() method, got an object',
    ],
    ['a negative retry delay', { retry: { maxDelayMs: -1 } }, 'retry.maxDelayMs must be a number'],
    ['a misspelt option', { timeout: 5 }, 'unknown option "timeout"'],
  ])('rejects %s with INVALID_INPUT naming it', (_, options, message) => {
    const error = rejection({ env: {}, ...(options as object) })
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toContain(message)
  })
})

describe('resolveConfig refuses bad input clearly, never with a TypeError', () => {
  it('never quotes what was passed as credentials (it may be a private key)', () => {
    const error = rejection({ env: {}, credentials: 'CANARY-PRIVATE-KEY-123' })
    expect(error.message).toBe(
      'UcdnClient: credentials must be credentials or a provider function, got a string.',
    )
    expect(error).toMatchObject({ field: 'credentials', source: 'config' })
    expect(JSON.stringify(error.toJSON())).not.toContain('CANARY')
    expect(error.stack).not.toContain('CANARY')
  })

  it('refuses a baseUrl carrying a user name or password, without quoting it', () => {
    const error = rejection({ env: {}, baseUrl: 'https://user:hunter2@api.example.com' })
    expect(error.message).toBe('baseUrl must not contain a user name or password.')
  })

  it.each([
    ['constructor', { constructor: 1 }],
    ['toString', { toString: 1 }],
    ['__proto__', JSON.parse('{"__proto__": {}}')],
  ])('an inherited name (%s) is an unknown option', (name, options) => {
    expect(rejection({ env: {}, ...options }).message).toContain(`unknown option "${name}"`)
  })

  it.each<[string, unknown, string]>([
    [
      'a number in env',
      { env: { UCLOUD_TIMEOUT_SECOND: 5 } },
      'env.UCLOUD_TIMEOUT_SECOND must be a string, got 5',
    ],
    [
      'a misspelt retry option',
      { retry: { baseDelay: 5 } },
      'UcdnClient: unknown option "retry.baseDelay" (known: retry.baseDelayMs, retry.maxDelayMs, retry.maxRetryAfterMs).',
    ],
    ['retry: null', { retry: null }, 'retry must be an object, got null'],
    [
      'a userAgent with a line break',
      { userAgent: 'a\nb' },
      'userAgent must be a string without line breaks',
    ],
    [
      'a Date where a string belongs',
      { projectId: new Date(0) },
      'projectId must be a non-empty string, got a Date',
    ],
  ])('%s', (_, options, message) => {
    const error = rejection({ env: {}, ...(options as object) })
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toContain(message)
  })
})
