// The main entry must load in browsers: nothing reachable from src/index.ts may import a Node built-in.
import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src')
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g
const BUILTINS = new Set(builtinModules)

/**
 * Every source file reachable from `entry` through relative imports, with the bare specifiers it uses;
 * with `staticOnly`, not through `import()` (what a bundler puts in the initial chunk).
 */
function reachable(entry: string, staticOnly = false): Map<string, string[]> {
  const files = new Map<string, string[]>()
  const visit = (file: string): void => {
    if (files.has(file)) return
    const bare: string[] = []
    files.set(file, bare)
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (staticOnly && match[2] !== undefined) continue
      const specifier = (match[1] ?? match[2])!
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')))
      else bare.push(specifier)
    }
  }
  visit(join(SRC, entry))
  return files
}

describe('the main entry', () => {
  it('reaches no node: import, Node built-in or Node type reference', () => {
    const files = reachable('index.ts')
    expect(files.size).toBeGreaterThan(10)
    for (const [file, specifiers] of files) {
      for (const specifier of specifiers) {
        expect(specifier.startsWith('node:') || BUILTINS.has(specifier), `${file} imports ${specifier}`).toBe(
          false,
        )
      }
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/reference types="node"/)
    }
  })

  it('leaves the shared credential file to the ./node entry', () => {
    const main = reachable('index.ts')
    expect([...main.keys()].some((file) => file.includes(`${join('src', 'node')}`))).toBe(false)
    const node = reachable('node.ts')
    expect([...node.values()].flat()).toContain('node:fs/promises')
  })
})

describe('the signing middleware', () => {
  it('imports no fallback SHA-1 statically: browsers hash with Web Crypto, the fallback only via import()', () => {
    const files = reachable('signing-middleware.ts', true)
    const names = [...files.keys()].map((file) => file.slice(SRC.length + 1))
    expect(names).toContain('sha1.ts')
    expect(names).toContain('signed-form-body.ts')
    for (const avoided of ['sha1-fallback.ts', 'sign-flat-params.ts', 'sign-params.ts']) {
      expect(names).not.toContain(avoided)
    }
    const withLazy = reachable('signing-middleware.ts')
    expect([...withLazy.keys()].map((file) => file.slice(SRC.length + 1))).toContain('sha1-fallback.ts')
  })
})
