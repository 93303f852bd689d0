// The built command, as `pnpm start` runs it: a fresh process, no credentials, an empty HOME.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it, vi } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const bin = join(root, 'dist', 'bin.js')

/** Runs dist/bin.js; a hang fails the test (killed at `timeout`) rather than stalling the suite. */
function spawnBin(args: string[], env: Record<string, string> = {}) {
  const home = mkdtempSync(join(tmpdir(), 'ucdn-prefetch-e2e-'))
  return spawnSync(bin, args, {
    encoding: 'utf8',
    timeout: 20_000,
    env: { PATH: process.env.PATH ?? '', HOME: home, USERPROFILE: home, ...env },
  })
}

beforeAll(() => {
  // turbo builds first (apps/prefetch-cli/turbo.json); this guards a bare `vitest run` against an old dist.
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
      ),
    )
  let built = 0
  try {
    built = statSync(bin).mtimeMs
  } catch {}
  if (built < newest(join(root, 'src'))) {
    // The bin is a bundle of src (and the workspace packages' dist), as the build script makes it.
    const bundle = spawnSync(process.execPath, ['scripts/bundle-bins.mjs'], { cwd: root, encoding: 'utf8' })
    expect(bundle.status, bundle.stdout + bundle.stderr).toBe(0)
  }
}, 60_000)

describe('dist/bin.js', { timeout: 30_000 }, () => {
  it('is executable and starts with a shebang', () => {
    expect(statSync(bin).mode & 0o111).not.toBe(0)
    expect(readFileSync(bin, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/)
  })

  it('prints the demo table without credentials and exits 0 by itself', () => {
    const result = spawnBin([])
    expect(result.error).toBeUndefined() // no timeout: nothing kept the process alive
    expect(result.status).toBe(0)
    expect(result.stderr).toBe(
      'No SCloud credentials found; using the built-in demo API (pass --live to refuse)\n',
    )
    expect(result.stdout).toMatch(/^TASK ID +CREATED \(UTC\) +STATUS +URLS DONE +FAILED +PROGRESS\n/)
    for (const id of ['demoHome', 'demoImgs', 'demoVids', 'demoDocs', 'demoFont'])
      expect(result.stdout).toContain(id)
    expect(result.stdout).toMatch(/\n5 tasks: .*URLs done/)
  })

  it('exits 2 on a usage error and 3 with --live and no credentials, one line each', () => {
    const usage = spawnBin(['--status', 'done'])
    expect(usage.status).toBe(2)
    expect(usage.stderr.trimEnd().split('\n')).toHaveLength(1)
    const live = spawnBin(['--live'])
    expect(live.status).toBe(3)
    expect(live.stdout).toBe('')
    expect(live.stderr.trimEnd().split('\n')).toHaveLength(1)
  })

  it('stops quietly with exit 0 when the reader of its output goes away (ucdn-prefetch | head)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ucdn-prefetch-e2e-'))
    const child = spawn(bin, [], {
      env: { PATH: process.env.PATH ?? '', HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout.destroy() // closed before the first write: that write fails with EPIPE
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).not.toContain('EPIPE')
    expect(code).toBe(0)
  })

  it('prints its version', () => {
    const result = spawnBin(['--version'])
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('0.1.0\n')
  })
})

describe('dist/ucdn.js', { timeout: 30_000 }, () => {
  const ucdn = join(root, 'dist', 'ucdn.js')

  it('runs `ucdn tasks` on the demo without credentials', () => {
    const result = spawnSync(process.execPath, [ucdn, 'tasks'], {
      encoding: 'utf8',
      timeout: 20_000,
      env: { PATH: process.env.PATH ?? '', HOME: mkdtempSync(join(tmpdir(), 'ucdn-e2e-')) },
    })
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^TASK ID +CREATED \(/)
  })

  // Issue 16 #7: a SIGTERM during --watch used to kill the process with the cursor still hidden.
  it.skipIf(spawnSync('script', ['--version']).status !== 0)(
    'restores the cursor and exits 143 on SIGTERM during --watch (on a terminal)',
    async () => {
      const home = mkdtempSync(join(tmpdir(), 'ucdn-e2e-'))
      // script(1) gives the command a terminal; `exec` makes node script's own child.
      const child = spawn(
        'script',
        ['-qec', `exec "${process.execPath}" "${ucdn}" tasks --mock --watch`, '/dev/null'],
        {
          env: { PATH: process.env.PATH ?? '', HOME: home, TERM: 'xterm', COLUMNS: '80', LINES: '24' },
          stdio: ['pipe', 'pipe', 'pipe'],
        },
      )
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
      })
      // Wait for the first bar, then terminate the node process (script's child).
      await vi.waitUntil(() => out.includes('URLs done'), { timeout: 15_000, interval: 50 })
      const pid = spawnSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)], {
        encoding: 'utf8',
      }).stdout.trim()
      process.kill(Number(pid), 'SIGTERM')
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
      expect(out.lastIndexOf('\u001b[?25h')).toBeGreaterThan(out.lastIndexOf('\u001b[?25l'))
      expect(out).toContain('ucdn: terminated')
      expect(code).toBe(143)
    },
  )
})
