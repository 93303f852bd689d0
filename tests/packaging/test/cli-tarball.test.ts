// Issue #16 finding 3 and #17: the CLI is its own package, each bin one bundled file, runnable with npx from the
// packed tarball in an empty folder outside the repository, installing nothing else.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packPackage } from './support/pack.js'
import { hasNpm, repoRoot, tempFolder } from './support/tools.js'

const cliDir = join(repoRoot, 'apps/prefetch-cli')
const bins = Object.entries(
  (JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin,
)
const npm = hasNpm()

describe.skipIf(!npm)('the CLI from its packed tarball', () => {
  const temp = tempFolder('ucdn-cli-npx')
  const work = join(temp.dir, 'work')
  let packed: ReturnType<typeof packPackage>
  afterAll(() => temp.remove())

  beforeAll(() => {
    mkdirSync(work)
    packed = packPackage(cliDir, join(temp.dir, 'tarball'))
  })

  /** npx with an empty HOME (no credentials: the demo API) and an npm cache of its own (nothing cached). */
  function npx(bin: string, args: string[]) {
    return spawnSync('npx', ['--yes', `--package=${packed.tarball}`, bin, ...args], {
      cwd: work,
      encoding: 'utf8',
      timeout: 90_000,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: work,
        USERPROFILE: work,
        npm_config_cache: join(temp.dir, 'npm-cache'),
        npm_config_update_notifier: 'false',
        NO_COLOR: '1',
      },
    })
  }

  it('depends on nothing and ships one bundled file per bin, plus the chunks the bins load on some paths only', () => {
    expect(packed.manifest.dependencies ?? {}).toEqual({})
    expect(packed.manifest.peerDependencies ?? {}).toEqual({})
    const scripts = packed.files.filter((file) => file.endsWith('.js')).sort()
    const entries = bins.map(([, target]) => target.replace(/^\.\//, '')).sort()
    expect(scripts.filter((file) => !/^dist\/chunk-[A-Z0-9]+\.js$/.test(file))).toEqual(entries)
    expect(packed.files).toContain('LICENSE')
    expect(packed.files).toContain('dist/THIRD-PARTY-LICENSES.txt')
  })

  it.each(bins.map(([name]) => name))('npx %s --help works in an empty folder', (bin) => {
    const result = npx(bin, ['--help'])
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toMatch(new RegExp(`^Usage: ${bin}\\b`, 'm'))
  })

  it('npx ucdn-prefetch --json shows the demo tasks as JSON, and only that on stdout', () => {
    const result = npx('ucdn-prefetch', ['--json'])
    expect(result.status, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout).TotalCount).toBe(5)
    expect(result.stderr).toMatch(/built-in demo API/)
  })
})
