// What each bin loads at start, read from the built files: the bin and the chunks it imports statically (code
// behind an import() is a chunk it loads only on that path). `--help`, `completion` and a usage error must not pay
// for the SDK, the HTTP client or the demo API; esbuild's path comments in the output say which package each part
// came from.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

beforeAll(() => {
  const bundle = spawnSync(process.execPath, ['scripts/bundle-bins.mjs'], { cwd: root, encoding: 'utf8' })
  expect(bundle.status, bundle.stdout + bundle.stderr).toBe(0)
}, 60_000)

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
