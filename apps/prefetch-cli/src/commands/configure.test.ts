import { EventEmitter } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { InputStream, Io } from '../io.js'
import { runUcdn } from '../run-ucdn.js'

const SECRET = 'pRiVaTe-KeY-0123456789abcdef'

class Capture {
  text = ''
  write(chunk: string) {
    this.text += chunk
    return true
  }
}

function piped(text: string): InputStream {
  return {
    isTTY: false,
    async *[Symbol.asyncIterator]() {
      yield text
    },
  }
}

/** A terminal that types `keys` once the command listens. */
class FakeTty extends EventEmitter implements InputStream {
  readonly isTTY = true
  raw = false
  constructor(private readonly keys: string[]) {
    super()
  }
  setRawMode(mode: boolean) {
    this.raw = mode
  }
  setEncoding() {}
  pause() {}
  resume() {
    const key = this.keys.shift()
    if (key !== undefined) setImmediate(() => this.emit('data', key))
  }
  override on(event: string, listener: (chunk: string) => void): this {
    super.on(event, listener)
    return this
  }
  override off(event: string, listener: (chunk: string) => void): this {
    super.off(event, listener)
    return this
  }
  async *[Symbol.asyncIterator](): AsyncIterator<string> {}
}

async function configure(
  argv: string[],
  stdin: InputStream,
  env: Record<string, string> = {},
  signal?: AbortSignal,
) {
  const home = env.HOME ?? mkdtempSync(join(tmpdir(), 'ucdn-configure-'))
  const stdout = new Capture()
  const stderr = new Capture()
  const io: Io = {
    stdin,
    stdout,
    stderr,
    env: { HOME: home, ...env },
    now: () => 0,
    sleep: async () => {},
    signal,
  }
  const code = await runUcdn(['configure', ...argv], io)
  return { code, stdout: stdout.text, stderr: stderr.text, home }
}

describe('ucdn configure', () => {
  it("writes credential.json and config.json in UCloud's shared formats, mode 0600, never showing the key", async () => {
    const result = await configure(['--public-key', 'pub-1', '--project-id', 'org-7'], piped(`${SECRET}\n`))
    expect(result.code, result.stderr).toBe(0)
    const credentialFile = join(result.home, '.ucloud', 'credential.json')
    const configFile = join(result.home, '.ucloud', 'config.json')
    expect(JSON.parse(readFileSync(credentialFile, 'utf8'))).toEqual([
      { public_key: 'pub-1', private_key: SECRET, profile: 'default' },
    ])
    expect(JSON.parse(readFileSync(configFile, 'utf8'))).toEqual([
      { profile: 'default', project_id: 'org-7', active: true },
    ])
    expect(statSync(credentialFile).mode & 0o777).toBe(0o600)
    expect(statSync(configFile).mode & 0o777).toBe(0o600)
    expect(result.stdout + result.stderr).not.toContain(SECRET)
    expect(result.stderr).toContain('Saved profile "default"')
  })

  it('refuses to replace an existing profile without --force, and replaces it with', async () => {
    const first = await configure(['--public-key', 'pub-1'], piped(SECRET))
    const again = await configure(['--public-key', 'pub-2'], piped('other'), { HOME: first.home })
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/^ucdn: profile "default" already exists in .*credential\.json; add --force/)
    const forced = await configure(['--public-key', 'pub-2', '--force'], piped('other-key'), {
      HOME: first.home,
    })
    expect(forced.code).toBe(0)
    const saved = JSON.parse(readFileSync(join(first.home, '.ucloud', 'credential.json'), 'utf8'))
    expect(saved).toEqual([{ public_key: 'pub-2', private_key: 'other-key', profile: 'default' }])
  })

  it('honours UCLOUD_SHARED_CREDENTIAL_FILE, UCLOUD_SHARED_CONFIG_FILE and --profile, keeping other profiles', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ucdn-configure-'))
    const credentialFile = join(dir, 'creds.json')
    const configFile = join(dir, 'conf.json')
    writeFileSync(credentialFile, JSON.stringify([{ public_key: 'a', private_key: 'b', profile: 'default' }]))
    writeFileSync(configFile, JSON.stringify([{ profile: 'default', active: true }]))
    const result = await configure(['--profile', 'prod', '--public-key', 'pk'], piped(SECRET), {
      UCLOUD_SHARED_CREDENTIAL_FILE: credentialFile,
      UCLOUD_SHARED_CONFIG_FILE: configFile,
    })
    expect(result.code, result.stderr).toBe(0)
    const creds = JSON.parse(readFileSync(credentialFile, 'utf8'))
    expect(creds.map((e: { profile: string }) => e.profile)).toEqual(['default', 'prod'])
    expect(JSON.parse(readFileSync(configFile, 'utf8'))).toEqual([
      { profile: 'default', active: true },
      { profile: 'prod', active: false },
    ])
  })

  it('reads the private key from a terminal without echo (raw mode), backspace included', async () => {
    const tty = new FakeTty(['pub-9\r', `x\u007f${SECRET}\r`])
    const result = await configure([], tty)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toContain('Private key (not shown): ')
    expect(result.stdout + result.stderr).not.toContain(SECRET.slice(0, 6))
    expect(tty.raw).toBe(false) // raw mode ended
    const saved = JSON.parse(readFileSync(join(result.home, '.ucloud', 'credential.json'), 'utf8'))
    expect(saved).toEqual([{ public_key: 'pub-9', private_key: SECRET, profile: 'default' }])
  })

  it('ends on SIGTERM while waiting for the key: raw mode off, exit 143, nothing written', async () => {
    const tty = new FakeTty(['pub-9\r'])
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('SIGTERM')), 20)
    const result = await configure([], tty, {}, controller.signal)
    expect(result.code).toBe(143)
    expect(tty.raw).toBe(false)
    expect(existsSync(join(result.home, '.ucloud', 'credential.json'))).toBe(false)
  })

  it('asks for --public-key when the private key is piped, and refuses an empty key', async () => {
    expect((await configure([], piped(SECRET))).stderr).toMatch(/give --public-key/)
    const empty = await configure(['--public-key', 'p'], piped('\n'))
    expect(empty.code).toBe(2)
    expect(empty.stderr).toMatch(/private key is empty/)
  })
})
