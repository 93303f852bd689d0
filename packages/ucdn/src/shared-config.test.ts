import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { resolveConfig, type UcdnClientOptions } from './config.js'
import { UcdnError } from './errors.js'
import * as browser from './platform/browser.js'
import { readSharedConfig } from './shared-config.js'

const dir = mkdtempSync(join(tmpdir(), 'ucdn-shared-config-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0
/** A config file holding `content` (a string as is, anything else as JSON). */
const file = (content: unknown): string => {
  const path = join(dir, `config-${files++}.json`)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

const SECRET = 'do-not-echo-me'
const entries = [
  { profile: 'default', project_id: 'org-file', base_url: 'http://file.example/api/', timeout_sec: 7 },
  { profile: 'prod', project_id: 'org-prod', base_url: 'https://prod.example', timeout_sec: 3, active: true },
]
const config = file(entries)

const rejection = (options: UcdnClientOptions): UcdnError => {
  try {
    resolveConfig(options)
  } catch (error) {
    if (error instanceof UcdnError) return error
    throw error
  }
  throw new Error('expected a rejection')
}

describe('the shared config file', () => {
  it('fills in baseUrl, projectId and timeoutMs of the default profile', () => {
    expect(resolveConfig({ env: { UCLOUD_SHARED_CONFIG_FILE: config } })).toMatchObject({
      baseUrl: 'http://file.example/api',
      projectId: 'org-file',
      timeoutMs: 7000,
    })
  })

  describe('precedence: option > environment > file > default', () => {
    const env = {
      UCLOUD_SHARED_CONFIG_FILE: config,
      UCLOUD_API_BASE_URL: 'https://env.example',
      UCLOUD_PROJECT_ID: 'org-env',
      UCLOUD_TIMEOUT_SECOND: '5',
    }
    it('baseUrl', () => {
      expect(resolveConfig({ env, baseUrl: 'https://option.example' }).baseUrl).toBe('https://option.example')
      expect(resolveConfig({ env }).baseUrl).toBe('https://env.example')
      expect(resolveConfig({ env: { UCLOUD_SHARED_CONFIG_FILE: config } }).baseUrl).toBe(
        'http://file.example/api',
      )
      expect(resolveConfig({ env: {} }).baseUrl).toBe('https://api.scloudsg.com')
    })
    it('projectId', () => {
      expect(resolveConfig({ env, projectId: 'org-option' }).projectId).toBe('org-option')
      expect(resolveConfig({ env }).projectId).toBe('org-env')
      expect(resolveConfig({ env: { UCLOUD_SHARED_CONFIG_FILE: config } }).projectId).toBe('org-file')
      expect(resolveConfig({ env: {} }).projectId).toBeUndefined()
    })
    it('timeoutMs', () => {
      expect(resolveConfig({ env, timeoutMs: 250 }).timeoutMs).toBe(250)
      expect(resolveConfig({ env }).timeoutMs).toBe(5000)
      expect(resolveConfig({ env: { UCLOUD_SHARED_CONFIG_FILE: config } }).timeoutMs).toBe(7000)
      expect(resolveConfig({ env: {} }).timeoutMs).toBe(30_000)
    })
    it('fields the file leaves out (or sets to null or "") fall through to the defaults', () => {
      const sparse = file([{ profile: 'default', project_id: '', base_url: null }])
      expect(resolveConfig({ env: { UCLOUD_SHARED_CONFIG_FILE: sparse } })).toMatchObject({
        baseUrl: 'https://api.scloudsg.com',
        projectId: undefined,
        timeoutMs: 30_000,
      })
    })
  })

  describe('profile selection', () => {
    it('UCLOUD_PROFILE picks the entry', () => {
      const env = { UCLOUD_SHARED_CONFIG_FILE: config, UCLOUD_PROFILE: 'prod' }
      expect(resolveConfig({ env })).toMatchObject({ projectId: 'org-prod', timeoutMs: 3000 })
    })
    it('the profile option wins over UCLOUD_PROFILE', () => {
      const env = { UCLOUD_SHARED_CONFIG_FILE: config, UCLOUD_PROFILE: 'prod' }
      expect(resolveConfig({ env, profile: 'default' }).projectId).toBe('org-file')
    })
    it('without a profile it is "default", not the entry marked active', () => {
      expect(resolveConfig({ env: { UCLOUD_SHARED_CONFIG_FILE: config } }).projectId).toBe('org-file')
    })
    it('no "default" entry and no profile asked for: nothing from the file', () => {
      const path = file([entries[1]])
      expect(resolveConfig({ env: { UCLOUD_SHARED_CONFIG_FILE: path } }).projectId).toBeUndefined()
    })
    it('a profile asked for by name that the file lacks is INVALID_INPUT', () => {
      for (const options of [
        { env: { UCLOUD_SHARED_CONFIG_FILE: config, UCLOUD_PROFILE: 'staging' } },
        { env: {}, configFile: config, profile: 'staging' },
      ]) {
        const error = rejection(options)
        expect(error.code).toBe('INVALID_INPUT')
        expect(error.message).toBe(
          `The shared config file ${config} has no profile "staging" (it has 2 profiles); fix it, or pass configFile or set UCLOUD_SHARED_CONFIG_FILE to another file.`,
        )
      }
    })
  })

  describe('which file', () => {
    it('the configFile option wins over UCLOUD_SHARED_CONFIG_FILE', () => {
      const other = file([{ profile: 'default', project_id: 'org-other' }])
      expect(resolveConfig({ env: { UCLOUD_SHARED_CONFIG_FILE: config }, configFile: other }).projectId).toBe(
        'org-other',
      )
    })
    it('defaults to ~/.ucloud/config.json with ~ the HOME of the env option', () => {
      const home = mkdtempSync(join(dir, 'home-'))
      mkdirSync(join(home, '.ucloud'))
      writeFileSync(
        join(home, '.ucloud', 'config.json'),
        JSON.stringify([{ profile: 'default', project_id: 'org-home' }]),
      )
      expect(resolveConfig({ env: { HOME: home } }).projectId).toBe('org-home')
      expect(resolveConfig({ env: { USERPROFILE: home } }).projectId).toBe('org-home')
    })
    it('an env option without HOME reads no default file', () => {
      expect(readSharedConfig({ profile: undefined, configFile: undefined, env: {} })).toBeUndefined()
    })
    it('a missing file named by the configFile option is INVALID_INPUT naming it', () => {
      const missing = join(dir, 'nope', 'config.json')
      expect(() => resolveConfig({ env: {}, configFile: missing })).toThrow(
        expect.objectContaining({
          code: 'INVALID_INPUT',
          message: expect.stringContaining(`The shared config file ${missing} does not exist`),
        }),
      )
    })
    it('a missing file named by UCLOUD_SHARED_CONFIG_FILE is nothing, even for a named profile', () => {
      const missing = join(dir, 'nope', 'config.json')
      expect(resolveConfig({ env: { UCLOUD_SHARED_CONFIG_FILE: missing }, profile: 'prod' })).toMatchObject({
        baseUrl: 'https://api.scloudsg.com',
        projectId: undefined,
        timeoutMs: 30_000,
      })
    })
    it('is not read when options and environment already set all three', () => {
      const broken = file(`{ "${SECRET}"`)
      expect(() =>
        resolveConfig({
          env: {},
          configFile: broken,
          baseUrl: 'https://x.example',
          projectId: 'p',
          timeoutMs: 1,
        }),
      ).not.toThrow()
      expect(() =>
        resolveConfig({ env: {}, configFile: broken, baseUrl: 'https://x.example', projectId: 'p' }),
      ).toThrow(UcdnError)
    })
    it('checks the profile and configFile options', () => {
      expect(rejection({ env: {}, profile: '' }).message).toBe(
        'UcdnClient: profile must be a non-empty string, got "".',
      )
      expect(rejection({ env: {}, configFile: 3 as unknown as string }).message).toBe(
        'UcdnClient: configFile must be a non-empty string, got 3.',
      )
    })
  })

  describe('a malformed file is INVALID_INPUT naming the file, never quoting it', () => {
    const cases: [string, unknown, string][] = [
      ['bad JSON', `[{ "profile": "default", "project_id": "${SECRET}" `, 'is not valid JSON'],
      ['not an array', { profile: 'default', project_id: SECRET }, 'is not a JSON array of'],
      ['an entry that is not an object', [SECRET], 'has an entry (#0) that is not a JSON object'],
      [
        'no string profile',
        [{ profile: 1, project_id: SECRET }],
        'has an entry (#0) without a string "profile"',
      ],
      ['project_id not a string', [{ profile: 'x', project_id: 7 }], '"project_id" is not a string'],
      ['base_url not a string', [{ profile: 'default', base_url: [SECRET] }], '"base_url" is not a string'],
      [
        'timeout_sec not a number',
        [{ profile: 'default', timeout_sec: '30' }],
        '"timeout_sec" is not a number',
      ],
      ['active not a boolean', [{ profile: 'default', active: 'yes' }], '"active" is not true or false'],
      [
        'base_url not an http(s) URL',
        [{ profile: 'default', base_url: `ftp://${SECRET}.example` }],
        'has a "base_url" for profile "default" that is not an http(s) URL',
      ],
      [
        'base_url with a query',
        [{ profile: 'default', base_url: `https://x.example/?k=${SECRET}` }],
        'that is not an http(s) URL without query or fragment',
      ],
      [
        'timeout_sec not positive',
        [{ profile: 'default', timeout_sec: -1 }],
        'has a "timeout_sec" for profile "default" that is not a positive number of seconds',
      ],
      ['timeout_sec zero', [{ profile: 'default', timeout_sec: 0 }], 'not a positive number of seconds'],
      [
        'a profile twice',
        [{ profile: 'default' }, { profile: 'default' }],
        'has profile "default" more than once',
      ],
    ]
    it.each(cases)('%s', (_name, content, problem) => {
      const path = file(content)
      const error = rejection({ env: { UCLOUD_SHARED_CONFIG_FILE: path } })
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.retryable).toBe(false)
      expect(error.message).toContain(`The shared config file ${path} `)
      expect(error.message).toContain(problem)
      expect(error.message).not.toContain(SECRET)
      expect(JSON.stringify(error)).not.toContain(SECRET)
    })
    it('a file that cannot be read (a directory)', () => {
      const error = rejection({ env: {}, configFile: dir })
      expect(error.message).toBe(
        `The shared config file ${dir} cannot be read (EISDIR); fix it, or pass configFile or set UCLOUD_SHARED_CONFIG_FILE to another file.`,
      )
    })
    it('accepts a BOM and ignores unknown fields', () => {
      const path = file(
        `\uFEFF${JSON.stringify([{ profile: 'default', project_id: 'org-bom', region: 'x' }])}`,
      )
      expect(resolveConfig({ env: {}, configFile: path }).projectId).toBe('org-bom')
    })
  })

  it('the browser platform reads no file', () => {
    expect(browser.readSharedConfig({ profile: undefined, configFile: config, env: {} })).toBeUndefined()
  })
})
