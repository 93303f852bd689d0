import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { errorOf, rejectionOf } from '../../test/support/errors.js'
import { fromStatic } from '../credentials.js'
import { defaultCredentialProvider } from './default-credential-provider.js'
import { fromSharedFile } from './from-shared-file.js'

let dir: string
let file: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'signer-chain-'))
  file = join(dir, 'credential.json')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const ENV = { UCLOUD_PUBLIC_KEY: 'env-public', UCLOUD_PRIVATE_KEY: 'env-private' }

async function writeProfiles(...profiles: string[]): Promise<void> {
  const entries = profiles.map((profile) => ({
    public_key: `file-public-${profile}`,
    private_key: `file-private-${profile}`,
    profile,
  }))
  await writeFile(file, JSON.stringify(entries))
}

describe('defaultCredentialProvider', () => {
  it('uses explicit credentials before the environment and the file', async () => {
    await writeProfiles('default')
    const provider = defaultCredentialProvider({
      credentials: { publicKey: 'explicit-public', privateKey: 'explicit-private' },
      env: ENV,
      path: file,
    })
    expect((await provider()).publicKey).toBe('explicit-public')
  })

  it('accepts an explicit provider', async () => {
    const explicit = fromStatic({ publicKey: 'explicit-public', privateKey: 'explicit-private' })
    expect(defaultCredentialProvider({ credentials: explicit })).toBe(explicit)
  })

  it('validates explicit credentials at once', () => {
    expect(() => defaultCredentialProvider({ credentials: { publicKey: 'p', privateKey: '' } })).toThrow(
      expect.objectContaining({ code: 'CREDENTIALS_INVALID' }),
    )
  })

  it('uses the environment before the file', async () => {
    await writeProfiles('default')
    expect((await defaultCredentialProvider({ env: ENV, path: file })()).publicKey).toBe('env-public')
  })

  it('uses the file when the environment has no credentials', async () => {
    await writeProfiles('default', 'prod')
    expect((await defaultCredentialProvider({ env: {}, path: file })()).publicKey).toBe('file-public-default')
    expect((await defaultCredentialProvider({ env: {}, path: file, profile: 'prod' })()).publicKey).toBe(
      'file-public-prod',
    )
  })

  it('takes the profile and file from the environment it is given', async () => {
    await writeProfiles('default', 'prod')
    const env = { UCLOUD_PROFILE: 'prod', UCLOUD_SHARED_CREDENTIAL_FILE: file }
    expect((await defaultCredentialProvider({ env })()).publicKey).toBe('file-public-prod')
  })

  it('fails on half-set environment variables instead of falling through to the file', async () => {
    await writeProfiles('default')
    const error = await rejectionOf(
      defaultCredentialProvider({ env: { UCLOUD_PUBLIC_KEY: 'env-public' }, path: file })(),
    )
    expect(error.code).toBe('CREDENTIALS_INCOMPLETE')
    expect(error.message).toContain('UCLOUD_PRIVATE_KEY is not')
  })

  it('fails on a malformed file instead of reporting nothing found', async () => {
    await writeFile(file, '{ not json')
    const error = await rejectionOf(defaultCredentialProvider({ env: {}, path: file })())
    expect(error.code).toBe('CREDENTIAL_FILE_INVALID')
  })

  it('names every place it looked when nothing is found', async () => {
    const missing = join(dir, 'absent.json')
    const error = await rejectionOf(defaultCredentialProvider({ env: {}, path: missing, profile: 'prod' })())
    expect(error.code).toBe('CREDENTIALS_NOT_FOUND')
    expect(error.message).toBe(
      `No SCloud credentials found. Looked for explicit credentials (none given); not UCLOUD_PUBLIC_KEY and UCLOUD_PRIVATE_KEY (profile "prod" was named, so only its keys count); no shared credential file at ${missing} (looked for profile "prod"). Add profile "prod" to the shared credential file, or pass credentials explicitly.`,
    )
  })

  it('names the file and profile when the file lacks the profile', async () => {
    await writeProfiles('default')
    const error = await rejectionOf(defaultCredentialProvider({ env: {}, path: file, profile: 'prod' })())
    expect(error.code).toBe('CREDENTIALS_NOT_FOUND')
    expect(error.message).toContain(
      `(profile "prod" was named, so only its keys count); the shared credential file ${file} has no profile "prod"`,
    )
  })

  it('without a named profile, the environment comes first and the hint names the variables', async () => {
    const missing = join(dir, 'absent.json')
    const error = await rejectionOf(defaultCredentialProvider({ env: {}, path: missing })())
    expect(error.message).toContain(
      'environment variables UCLOUD_PUBLIC_KEY and UCLOUD_PRIVATE_KEY (neither is set); no shared credential file',
    )
    expect(error.message).toContain('Set UCLOUD_PUBLIC_KEY and UCLOUD_PRIVATE_KEY, or create')
  })

  it.each([
    ['the profile option', { profile: 'prod' }, {}],
    ['UCLOUD_PROFILE', {}, { UCLOUD_PROFILE: 'prod' }],
  ])(
    "naming a profile (%s) takes that profile's keys, never the environment's",
    async (_, options, profileEnv) => {
      await writeProfiles('prod')
      const env = { UCLOUD_PUBLIC_KEY: 'env-public', UCLOUD_PRIVATE_KEY: 'env-private', ...profileEnv }
      const credentials = await defaultCredentialProvider({ env, path: file, ...options })()
      expect(credentials.publicKey).not.toBe('env-public')
      expect(credentials.publicKey).toBe('file-public-prod')
    },
  )

  it('reads ~ from the env option when one is given: a test passing env never sees the real home', async () => {
    const home = join(dir, 'home')
    await mkdir(join(home, '.ucloud'), { recursive: true })
    await writeFile(
      join(home, '.ucloud', 'credential.json'),
      JSON.stringify([{ profile: 'default', public_key: 'pub-home', private_key: 'priv-home' }]),
    )
    expect((await defaultCredentialProvider({ env: { HOME: home } })()).publicKey).toBe('pub-home')
    const error = await rejectionOf(defaultCredentialProvider({ env: {} })())
    expect(error.code).toBe('CREDENTIALS_NOT_FOUND')
    expect(error.message).toContain('the given env has no HOME')
  })

  it('keeps the credentials it found', async () => {
    await writeProfiles('default')
    const provider = defaultCredentialProvider({ env: {}, path: file })
    const first = await provider()
    await rm(file)
    expect(await provider()).toBe(first)
  })

  it('shares one lookup between concurrent calls', async () => {
    await writeProfiles('default')
    const provider = defaultCredentialProvider({ env: {}, path: file })
    const [a, b] = await Promise.all([provider(), provider()])
    expect(a).toBe(b)
  })

  it('looks again after a failure', async () => {
    const provider = defaultCredentialProvider({ env: {}, path: file })
    expect((await rejectionOf(provider())).code).toBe('CREDENTIALS_NOT_FOUND')
    await writeProfiles('default')
    expect((await provider()).publicKey).toBe('file-public-default')
  })
})

describe('options of the Node providers', () => {
  it.each<[string, () => unknown, string]>([
    [
      'defaultCredentialProvider(null)',
      () => defaultCredentialProvider(null as never),
      'defaultCredentialProvider options must be an object, got null.',
    ],
    [
      'fromSharedFile(null)',
      () => fromSharedFile(null as never),
      'fromSharedFile options must be an object, got null.',
    ],
    [
      'a numeric path',
      () => fromSharedFile({ path: 5 as never }),
      'fromSharedFile: path must be a string, got a number.',
    ],
    [
      'credentials that are a string (a key passed as is): its type, never its value',
      () => defaultCredentialProvider({ credentials: 'SECRET-KEY' as never }),
      'defaultCredentialProvider: credentials must be credentials ({ publicKey, privateKey }) or a provider function, got a string.',
    ],
    [
      'an inherited name',
      () => fromSharedFile(JSON.parse('{"__proto__": {}}')),
      'fromSharedFile: unknown option "__proto__"',
    ],
    [
      'a misspelt option',
      () => defaultCredentialProvider({ profil: 'prod' } as never),
      'defaultCredentialProvider: unknown option "profil"',
    ],
    [
      'an env that is a string',
      () => defaultCredentialProvider({ env: 'x' as never }),
      'defaultCredentialProvider: env must be an object, got a string.',
    ],
  ])('%s → CredentialsError OPTION_INVALID naming it, at once', (_, make, message) => {
    const error = errorOf(make)
    expect(error).toMatchObject({ code: 'OPTION_INVALID', source: 'config' })
    expect(error.message).toContain(message)
    expect(error.message).not.toContain('SECRET')
  })

  it('names the option at fault in field', () => {
    expect(errorOf(() => fromSharedFile({ profile: 1 as never })).field).toBe('profile')
    expect(errorOf(() => fromSharedFile(null as never)).field).toBeUndefined()
  })
})
