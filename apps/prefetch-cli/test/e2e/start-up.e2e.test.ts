import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

// The bins are read as the build made them (the test task depends on the build, and bin.e2e.test.ts rebuilds a
// stale bundle): rebuilding here on every run rewrote dist/ while other suites were running the bins, which then
// loaded a chunk mid-write ("does not provide an export named …").

/** The text of `file` and of every chunk it imports statically, transitively. */
function loadedAtStart(file: string, seen = new Set<string>()): string {
  if (seen.has(file)) return ''
  seen.add(file)
  const text = readFileSync(file, 'utf8')
  const statics = [
    ...text.matchAll(/^(?:import|export)\s[^;]*?from\s*"(\.\/[^"]+)"|^import\s*"(\.\/[^"]+)"/gm),
  ]
  return statics.reduce(
    (all, match) => all + loadedAtStart(join(dirname(file), match[1] ?? match[2] ?? ''), seen),
    text,
  )
}

describe.each(['ucdn.js', 'bin.js'])('dist/%s at start', (bin) => {
  const NOT_AT_START = [
    ['the demo API', /packages\/ucdn-mock\//],
    ['msw', /node_modules\/\.pnpm\/msw@/],
    ['undici', /node_modules\/\.pnpm\/undici@/],
    ['the SDK client', /packages\/ucdn\/dist\/client\.js/],
    ['zod', /node_modules\/\.pnpm\/zod@/],
  ] as const

  it.each(NOT_AT_START)('does not load %s', (_what, marker) => {
    expect(loadedAtStart(join(root, 'dist', bin))).not.toMatch(marker)
  })

  it('loads the argument parser', () => {
    expect(loadedAtStart(join(root, 'dist', bin))).toMatch(/node_modules\/\.pnpm\/commander@/)
  })
})
