// The code loaded on first use (lazy-helpers.ts and what it imports) must not import, at run time, any module the
// code loaded at start imports too: a bundler would split such a module into a third file that every app loads
// at start (measured: 451 bytes more gzip). Shared helpers reach it through ClientInternals.kit instead.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const src = fileURLToPath(new URL('../src/', import.meta.url))
/** The modules of the lazy chunk: lazy-helpers.ts and the run-time imports it reaches. */
const LAZY = ['lazy-helpers.ts', 'poll-prefetch-tasks.ts', 'walk-prefetch-tasks.ts', 'poll.ts', 'paginate.ts']

/** The relative modules `file` imports at run time (`import type` and `import { type … }`-only lines excluded). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(`${src}${file}`, 'utf8')
  const found: string[] = []
  for (const match of text.matchAll(/^(?:import|export)\s+((?:(?!\bfrom\b)[\s\S])*?)\s+from\s+'([^']+)'/gm)) {
    const [, clause = '', path = ''] = match
    if (!path.startsWith('.') || clause.startsWith('type ')) continue
    const names = clause
      .replace(/^\{|\}$/g, '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean)
    if (clause.startsWith('{') && names.every((name) => name.startsWith('type '))) continue
    found.push(path.replace(/^\.\//, '').replace(/\.js$/, '.ts'))
  }
  return found
}

describe('the lazy chunk', () => {
  it.each(LAZY)('%s imports at run time only other modules of the lazy chunk', (file) => {
    for (const imported of runtimeImports(file))
      expect(LAZY, `${file} imports ${imported}`).toContain(imported)
  })

  it('is reached from the start only through import()', () => {
    for (const file of ['paginate-prefetch-tasks.ts', 'wait-for-prefetch-tasks.ts']) {
      expect(readFileSync(`${src}${file}`, 'utf8')).toContain("await import('./lazy-helpers.js')")
    }
  })
})
