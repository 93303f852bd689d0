import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// A throwaway copy of what `pnpm check:generated` reads, in a git repo of its own, so the real tree is never touched.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
let work: string

// The generator runs on Java 17. CI must run this check (.ci/run has Java); a laptop without Java skips it, loudly.
const hasJava = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0
if (!hasJava) {
  if (process.env.CI) throw new Error('java is not on PATH: CI must run the check:generated tests.')
  console.warn('Skipping the check:generated tests: Java 17 is not on PATH (CI runs them).')
}

function checkGenerated() {
  return spawnSync(process.execPath, ['scripts/check-generated.mjs'], { cwd: work, encoding: 'utf8' })
}

beforeAll(() => {
  if (!hasJava) return
  work = mkdtempSync(join(tmpdir(), 'check-generated-'))
  for (const path of ['openapi', 'scripts', 'packages/ucdn-client/src', 'biome.json']) {
    cpSync(join(repoRoot, path), join(work, path), { recursive: true })
  }
  const tools = JSON.parse(readFileSync(join(repoRoot, 'openapitools.json'), 'utf8'))
  tools['generator-cli'].storageDir = join(repoRoot, tools['generator-cli'].storageDir)
  writeFileSync(join(work, 'openapitools.json'), JSON.stringify(tools))
  symlinkSync(join(repoRoot, 'node_modules'), join(work, 'node_modules'))
  writeFileSync(join(work, '.gitignore'), 'node_modules\n')
  const git = (...args: string[]) => execFileSync('git', args, { cwd: work, stdio: 'ignore' })
  git('init', '-q')
  git('add', '.')
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'snapshot')
}, 120_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe.skipIf(!hasJava)('pnpm check:generated', () => {
  it('passes when the committed output matches the spec', () => {
    const run = checkGenerated()
    expect(run.stderr).not.toContain('out of date')
    expect(run.status).toBe(0)
  }, 120_000)

  it('fails, naming the stale files, after a spec edit without regeneration', () => {
    const specPath = join(work, 'openapi/ucdn.yaml')
    const spec = readFileSync(specPath, 'utf8')
    writeFileSync(specPath, spec.replace('description: One URL of a prefetch task.', 'description: One URL.'))
    const run = checkGenerated()
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('out of date')
    expect(run.stderr).toContain('packages/ucdn-client/src/generated/models/UrlProgressInfo.ts')
    expect(run.stderr).toContain('packages/ucdn-client/src/generated/schemas.ts')
  }, 120_000)
})
