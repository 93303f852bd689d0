import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { rejectionOf } from '../../test/support/errors.js'
import type { CredentialsError } from '../credentials-error.js'
import { fromSharedFile } from './from-shared-file.js'

const SECRET = 'file-private-SECRET-4242'
const OTHER_SECRET = 'other-private-SECRET-5353'

let dir: string
let file: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'signer-credentials-'))
  file = join(dir, 'credential.json')
  // Tests must not see a developer's real configuration.
  vi.stubEnv('UCLOUD_PROFILE', undefined)
  vi.stubEnv('UCLOUD_SHARED_CREDENTIAL_FILE', undefined)
})

afterEach(async () => {
  vi.unstubAllEnvs()
  await rm(dir, { recursive: true, force: true })
})

const entries = [
  { public_key: 'default-public', private_key: SECRET, profile: 'default' },
  { public_key: 'prod-public', private_key: OTHER_SECRET, profile: 'prod' },
]

/** Asserts that nothing a user could print of the error shows a private key. */
function expectNoSecret(error: CredentialsError): void {
  for (const text of [error.message, String(error), inspect(error), JSON.stringify(error)]) {
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain(OTHER_SECRET)
  }
}

describe('fromSharedFile', () => {
  it('reads the default profile', async () => {
    await writeFile(file, JSON.stringify(entries))
    const credentials = await fromSharedFile({ path: file })()
    expect(credentials.publicKey).toBe('default-public')
    expect(credentials.privateKey).toBe(SECRET)
    expect(JSON.stringify(credentials)).not.toContain(SECRET)
  })

  it('reads the profile given as an option', async () => {
    await writeFile(file, JSON.stringify(entries))
    expect((await fromSharedFile({ path: file, profile: 'prod' })()).publicKey).toBe('prod-public')
  })

  it('reads the profile named by UCLOUD_PROFILE', async () => {
    await writeFile(file, JSON.stringify(entries))
    vi.stubEnv('UCLOUD_PROFILE', 'prod')
    expect((await fromSharedFile({ path: file })()).publicKey).toBe('prod-public')
    expect((await fromSharedFile({ path: file, env: { UCLOUD_PROFILE: 'default' } })()).publicKey).toBe(
      'default-public',
    )
  })

  it('prefers the profile option to UCLOUD_PROFILE', async () => {
    await writeFile(file, JSON.stringify(entries))
    vi.stubEnv('UCLOUD_PROFILE', 'prod')
    expect((await fromSharedFile({ path: file, profile: 'default' })()).publicKey).toBe('default-public')
  })

  it('reads the file named by UCLOUD_SHARED_CREDENTIAL_FILE', async () => {
    await writeFile(file, JSON.stringify(entries))
    vi.stubEnv('UCLOUD_SHARED_CREDENTIAL_FILE', file)
    expect((await fromSharedFile()()).publicKey).toBe('default-public')
  })

  it('prefers the path option to UCLOUD_SHARED_CREDENTIAL_FILE', async () => {
    await writeFile(file, JSON.stringify(entries))
    vi.stubEnv('UCLOUD_SHARED_CREDENTIAL_FILE', join(dir, 'absent.json'))
    expect((await fromSharedFile({ path: file })()).publicKey).toBe('default-public')
  })

  it('reads ~/.ucloud/credential.json by default', async () => {
    await mkdir(join(dir, '.ucloud'))
    await writeFile(join(dir, '.ucloud', 'credential.json'), JSON.stringify(entries))
    vi.stubEnv('HOME', dir)
    vi.stubEnv('USERPROFILE', dir)
    expect((await fromSharedFile()()).publicKey).toBe('default-public')
    vi.stubEnv('UCLOUD_SHARED_CREDENTIAL_FILE', '~/.ucloud/credential.json')
    expect((await fromSharedFile()()).publicKey).toBe('default-public')
  })

  it('reads the file again on every call', async () => {
    await writeFile(file, JSON.stringify(entries))
    const provider = fromSharedFile({ path: file })
    expect((await provider()).publicKey).toBe('default-public')
    await writeFile(file, JSON.stringify([{ ...entries[0], public_key: 'rotated-public' }]))
    expect((await provider()).publicKey).toBe('rotated-public')
  })

  it('accepts a file that starts with a byte order mark', async () => {
    await writeFile(file, `\ufeff${JSON.stringify(entries)}`)
    expect((await fromSharedFile({ path: file })()).publicKey).toBe('default-public')
  })

  it('reports not found, naming the file and profile, when the file does not exist', async () => {
    const missing = join(dir, 'absent.json')
    const error = await rejectionOf(fromSharedFile({ path: missing, profile: 'prod' })())
    expect(error.code).toBe('CREDENTIALS_NOT_FOUND')
    expect(error.message).toBe(`No shared credential file at ${missing} (looked for profile "prod").`)
  })

  it('reports not found when the file has no such profile, without listing the file', async () => {
    await writeFile(file, JSON.stringify(entries))
    const error = await rejectionOf(fromSharedFile({ path: file, profile: 'staging' })())
    expect(error.code).toBe('CREDENTIALS_NOT_FOUND')
    expect(error.message).toBe(
      `The shared credential file ${file} has no profile "staging" (it has 2 profiles).`,
    )
    expectNoSecret(error)
  })

  it('rejects malformed JSON, naming the file but never quoting it', async () => {
    await writeFile(file, `[{"public_key": "p", "private_key": "${SECRET}", "profile": "default"`)
    const error = await rejectionOf(fromSharedFile({ path: file })())
    expect(error.code).toBe('CREDENTIAL_FILE_INVALID')
    expect(error.message).toBe(
      `The shared credential file ${file} is not valid JSON; fix it or point UCLOUD_SHARED_CREDENTIAL_FILE elsewhere.`,
    )
    expect(error.cause).toBeUndefined()
    expectNoSecret(error)
  })

  it('rejects a file that is not a JSON array', async () => {
    await writeFile(file, JSON.stringify({ public_key: 'p', private_key: SECRET, profile: 'default' }))
    const error = await rejectionOf(fromSharedFile({ path: file })())
    expect(error.code).toBe('CREDENTIAL_FILE_INVALID')
    expect(error.message).toContain(
      `${file} is not a JSON array of { "public_key", "private_key", "profile" }`,
    )
    expectNoSecret(error)
  })

  it('rejects an entry that is not an object, or has no profile', async () => {
    await writeFile(file, JSON.stringify([...entries, SECRET]))
    const notObject = await rejectionOf(fromSharedFile({ path: file })())
    expect(notObject.code).toBe('CREDENTIAL_FILE_INVALID')
    expect(notObject.message).toContain('has an entry (#2) that is not a JSON object')
    expectNoSecret(notObject)
    await writeFile(file, JSON.stringify([{ public_key: 'p', private_key: SECRET }]))
    const noProfile = await rejectionOf(fromSharedFile({ path: file })())
    expect(noProfile.message).toContain('has an entry (#0) without a string "profile"')
    expectNoSecret(noProfile)
  })

  it('rejects the chosen entry when it lacks a key, naming the field', async () => {
    await writeFile(file, JSON.stringify([{ public_key: 'p', profile: 'default' }]))
    const error = await rejectionOf(fromSharedFile({ path: file })())
    expect(error.code).toBe('CREDENTIAL_FILE_INVALID')
    expect(error.message).toContain(`${file} has no "private_key" for profile "default"`)
    await writeFile(file, JSON.stringify([{ public_key: null, private_key: SECRET, profile: 'default' }]))
    const noPublic = await rejectionOf(fromSharedFile({ path: file })())
    expect(noPublic.message).toContain('has no "public_key" for profile "default"')
    expectNoSecret(noPublic)
  })

  it('rejects a profile that appears twice', async () => {
    await writeFile(file, JSON.stringify([...entries, { ...entries[1], private_key: 'x' }]))
    const error = await rejectionOf(fromSharedFile({ path: file, profile: 'prod' })())
    expect(error.code).toBe('CREDENTIAL_FILE_INVALID')
    expect(error.message).toContain('has profile "prod" more than once')
  })

  it('rejects an unusable key, naming where it is but not what it is', async () => {
    await writeFile(
      file,
      JSON.stringify([{ public_key: 'p', private_key: `${SECRET}\n`, profile: 'default' }]),
    )
    const error = await rejectionOf(fromSharedFile({ path: file })())
    expect(error.code).toBe('CREDENTIALS_INVALID')
    expect(error.message).toBe(
      `The "private_key" of profile "default" in the shared credential file ${file} has leading or trailing whitespace; give the key exactly as issued.`,
    )
    expectNoSecret(error)
  })

  it('rejects a path that cannot be read as a file, naming it', async () => {
    const error = await rejectionOf(fromSharedFile({ path: dir })())
    expect(error.code).toBe('CREDENTIAL_FILE_INVALID')
    expect(error.message).toContain(`The shared credential file ${dir} cannot be read (EISDIR)`)
  })
})
