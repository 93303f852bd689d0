import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs script without type declarations
import { checkBreaking, ensureOasdiff, SPEC_PACKAGES } from '../check-breaking-changes.mjs'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
let work: string

// oasdiff is installed with `go install`. CI must run these tests (.ci/run has Go); a laptop without Go (and no
// oasdiff installed yet) skips them, loudly.
const hasOasdiff =
  existsSync(join(repoRoot, '.tools/bin/oasdiff')) ||
  spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0
if (!hasOasdiff) {
  if (process.env.CI) throw new Error('go is not on PATH: CI must run the check:breaking tests.')
  console.warn('Skipping the check:breaking tests: Go is not on PATH to install oasdiff (CI runs them).')
}

beforeAll(() => {
  if (hasOasdiff) ensureOasdiff(repoRoot)
}, 300_000)

function workspaceWith(spec: (released: string) => string, changeset?: string) {
  work = mkdtempSync(join(tmpdir(), 'breaking-'))
  cpSync(join(repoRoot, 'openapi'), join(work, 'openapi'), { recursive: true })
  symlinkSync(join(repoRoot, '.tools'), join(work, '.tools'))
  const released = readFileSync(join(work, 'openapi/released/ucdn.yaml'), 'utf8')
  writeFileSync(join(work, 'openapi/ucdn.yaml'), spec(released))
  if (changeset) {
    mkdirSync(join(work, '.changeset'))
    writeFileSync(join(work, '.changeset/spec-change.md'), changeset)
  }
  return work
}

// Making an optional request parameter required breaks every caller that omits it.
const requireLimit = (s: string) =>
  s.replace('      required:\n        - Action\n', '      required:\n        - Action\n        - Limit\n')

afterEach(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe.skipIf(!hasOasdiff)('pnpm check:breaking', () => {
  it('passes when the spec only adds something optional', () => {
    const root = workspaceWith((s) =>
      s.replace('description: One prefetch task.', 'description: A prefetch task.'),
    )
    expect(checkBreaking(root).ok).toBe(true)
  })

  it('fails on a breaking change without a changeset, naming what broke', () => {
    const root = workspaceWith(requireLimit)
    expect(readFileSync(join(root, 'openapi/ucdn.yaml'), 'utf8')).toContain('- Limit\n')
    const result = checkBreaking(root)
    expect(result.ok).toBe(false)
    expect(result.message).toContain('major changeset')
    expect(result.message).toMatch(/Limit/)
  })

  it('still fails when the changeset is only a minor bump', () => {
    const root = workspaceWith(requireLimit, '---\n"@scloud/ucdn-client": minor\n---\n\nLimit is required.\n')
    expect(checkBreaking(root).ok).toBe(false)
  })

  it('still fails when only the client goes major, naming the packages that would get a mere patch', () => {
    const root = workspaceWith(requireLimit, '---\n"@scloud/ucdn-client": major\n---\n\nLimit is required.\n')
    const result = checkBreaking(root)
    expect(result.ok).toBe(false)
    expect(result.message).toContain('for @scloud/ucdn, @scloud/ucdn-mock or undo')
  })

  it('passes a breaking change announced by a major changeset for every package the spec reaches', () => {
    const majors = (SPEC_PACKAGES as string[]).map((name) => `"${name}": major`).join('\n')
    const root = workspaceWith(requireLimit, `---\n${majors}\n---\n\nLimit is required.\n`)
    expect(checkBreaking(root).ok).toBe(true)
  })
})

describe('SPEC_PACKAGES', () => {
  it('names only real, published packages', () => {
    const published = new Map<string, { private?: boolean }>()
    for (const dir of readdirSync(join(repoRoot, 'packages'))) {
      const manifest = JSON.parse(readFileSync(join(repoRoot, 'packages', dir, 'package.json'), 'utf8'))
      published.set(manifest.name, manifest)
    }
    for (const name of SPEC_PACKAGES as string[]) expect(published.get(name)?.private, name).not.toBe(true)
    for (const name of SPEC_PACKAGES as string[]) expect(published.has(name), name).toBe(true)
  })
})
