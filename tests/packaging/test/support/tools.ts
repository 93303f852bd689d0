// The outside programs these tests drive, and a temporary folder outside the repository for each case.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url))

/**
 * Whether `npm` is on PATH. A laptop without it skips the npm cases with a warning; CI must run them.
 */
export function hasNpm(): boolean {
  const probe = spawnSync('npm', ['--version'], { encoding: 'utf8' })
  if (probe.status === 0) return true
  if (process.env.CI) throw new Error('npm is not on PATH: CI must run the packaging tests.')
  console.warn('Skipping the packaging tests that need npm: npm is not on PATH (CI runs them).')
  return false
}

/** A fresh folder under the OS temp dir (never inside the repository), removed by the returned function. */
export function tempFolder(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
