// The shared config file of UCloud-compatible tools (Node only; reached through `#platform`): read once,
// synchronously, when a client is constructed. Errors name the file but never quote it.
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { pickSharedProfile, profileCount, type SharedFileFormat } from '@scloud/signer/node'
import type { SharedConfig, SharedConfigRequest } from './config.js'
import { invalidInput } from './invalid-input.js'

export const ENV_PROFILE = 'UCLOUD_PROFILE'
export const ENV_SHARED_CONFIG_FILE = 'UCLOUD_SHARED_CONFIG_FILE'
export const DEFAULT_PROFILE = 'default'

/**
 * The entry of the client's profile in the shared config file, or undefined when there is no file (or, for the
 * `default` profile nobody asked for by name, no such entry). The profile is `profile`, else `UCLOUD_PROFILE`,
 * else `default` — never the entry marked `"active"`: the signer picks credentials by the same rule, and a
 * project of one profile must not be paired with the keys of another. The file is `configFile`, else
 * `UCLOUD_SHARED_CONFIG_FILE`, else `~/.ucloud/config.json`, where `~` is `HOME` (or `USERPROFILE`) of the
 * `env` option when one is given (no such variable: no default file), else the OS home directory.
 */
export function readSharedConfig(request: SharedConfigRequest): SharedConfig | undefined {
  const env = request.env ?? process.env
  const named = request.profile ?? nonEmpty(env[ENV_PROFILE])
  const profile = named ?? DEFAULT_PROFILE
  const path = request.configFile ?? nonEmpty(env[ENV_SHARED_CONFIG_FILE]) ?? defaultPath(request)
  if (path === undefined) return undefined
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as { code?: unknown }).code
    // Like the default file, one UCLOUD_SHARED_CONFIG_FILE names may be absent (that is how a test or a CI job
    // turns the file off); one the code names with the configFile option must exist.
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      if (request.configFile === undefined) return undefined
      throw invalidFile(path, 'does not exist')
    }
    throw invalidFile(path, `cannot be read (${typeof code === 'string' ? code : 'unknown error'})`)
  }
  const picked = pickSharedProfile(text, profile, CONFIG_FILE, (problem) => invalidFile(path, problem))
  const entry = picked.entry as Entry | undefined
  if (entry === undefined) {
    if (named === undefined) return undefined
    throw invalidFile(path, `has no profile "${profile}" (it has ${profileCount(picked.count)})`)
  }
  const where = `for profile "${profile}"`
  const baseUrl = nonEmpty(entry.base_url)
  if (baseUrl !== undefined && !isHttpUrl(baseUrl)) {
    throw invalidFile(path, `has a "base_url" ${where} that is not an http(s) URL without query or fragment`)
  }
  const seconds = entry.timeout_sec
  if (seconds != null && !(seconds > 0 && seconds < Number.POSITIVE_INFINITY)) {
    throw invalidFile(path, `has a "timeout_sec" ${where} that is not a positive number of seconds`)
  }
  return {
    path,
    profile,
    baseUrl,
    projectId: nonEmpty(entry.project_id),
    timeoutMs: seconds == null ? undefined : seconds * 1000,
  }
}

interface Entry {
  readonly profile: string
  readonly project_id?: string | null
  readonly base_url?: string | null
  readonly timeout_sec?: number | null
  readonly active?: boolean | null
}

/** What each field must be (null counts as not set); other fields are ignored. */
const FIELDS: Readonly<Record<Exclude<keyof Entry, 'profile'>, readonly [string, string]>> = {
  project_id: ['string', 'a string'],
  base_url: ['string', 'a string'],
  timeout_sec: ['number', 'a number'],
  active: ['boolean', 'true or false'],
}

/** config.json's shape: every entry's fields of the wrong type are refused (null counts as not set). */
const CONFIG_FILE: SharedFileFormat = {
  entries: '{ "profile", "project_id", "base_url", "timeout_sec" }',
  checkEntry: (entry, index) => {
    for (const [field, [type, what]] of Object.entries(FIELDS)) {
      const value = entry[field]
      if (value != null && typeof value !== type)
        return `has an entry (#${index}) whose "${field}" is not ${what}`
    }
    return undefined
  },
}

function defaultPath(request: SharedConfigRequest): string | undefined {
  const { env } = request
  const home = env === undefined ? homedir() : (nonEmpty(env.HOME) ?? nonEmpty(env.USERPROFILE))
  return home === undefined ? undefined : join(home, '.ucloud', 'config.json')
}

function nonEmpty(value: string | null | undefined): string | undefined {
  return value?.trim() || undefined
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return /^https?:$/.test(url.protocol) && !url.search && !url.hash
  } catch {
    return false
  }
}

function invalidFile(path: string, problem: string) {
  return invalidInput(
    `The shared config file ${path} ${problem}; fix it, or pass configFile or set ${ENV_SHARED_CONFIG_FILE} to another file.`,
    { field: 'configFile', source: 'config' },
  )
}
