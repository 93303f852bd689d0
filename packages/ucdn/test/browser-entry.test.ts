// The browser build must reach no `node:` module, no undici and no credential-file code. This walks the import
// graph of src/index.ts as a browser bundler resolves it (package.json `imports`, "default" condition).
import { readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
type Conditions = { [condition: string]: string | Conditions }
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  imports: Record<string, Conditions>
}

/** Resolves a `#…` import for a bundler with only the "default" condition (plus our source condition). */
function resolveSubpath(target: string | Conditions, conditions: readonly string[]): string {
  if (typeof target === 'string') return target
  for (const [condition, next] of Object.entries(target)) {
    if (condition === 'default' || conditions.includes(condition)) return resolveSubpath(next, conditions)
  }
  throw new Error('no matching condition')
}

function importGraph(entry: string, conditions: readonly string[]) {
  const files = new Set<string>()
  const bare = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    const source = readFileSync(file, 'utf8')
    for (const match of source.matchAll(/^(?:import|export)\s(?!type\b)[^'"]*?from\s+'([^']+)'/gm)) {
      const specifier = match[1] ?? ''
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier.replace(/\.js$/, '.ts')))
      else if (specifier.startsWith('#')) {
        const mapped = pkg.imports[specifier]
        if (mapped === undefined) throw new Error(`unmapped ${specifier}`)
        visit(join(root, resolveSubpath(mapped, conditions)))
      } else bare.add(specifier)
    }
  }
  visit(join(root, entry))
  return { files: [...files].map((file) => relative(root, file)).sort(), bare: [...bare].sort() }
}

describe('the browser entry', () => {
  const browser = importGraph('src/index.ts', ['@scloud/source'])

  it('imports only browser-safe packages', () => {
    // Validation and checks run on the descriptors' generated code: no schema library. Descriptors and models are
    // imported by their own modules (a code-splitting bundler keeps the other actions out of the start chunk).
    const kinds = new Set(
      browser.bare.map((specifier) => specifier.replace(/\/(operations|models)\/\w+$/, '/$1/*')),
    )
    expect([...kinds]).toEqual([
      '@scloud/signer',
      '@scloud/ucdn-client/models/*',
      '@scloud/ucdn-client/operations/*',
      '@scloud/ucdn-client/runtime',
    ])
  })

  it('reaches the browser platform module, not the Node one', () => {
    expect(browser.files).toContain('src/platform/browser.ts')
    expect(browser.files).toContain('src/transport/fetch-transport.ts')
    expect(browser.files.filter((file) => /node|undici|user-agent|shared-config/.test(file))).toEqual([])
  })

  it('differs from the Node graph exactly by the Node-only modules', () => {
    const node = importGraph('src/index.ts', ['@scloud/source', 'node'])
    expect(node.bare).toEqual(
      [
        ...browser.bare,
        '@scloud/signer/node',
        'node:fs',
        'node:os',
        'node:path',
        'node:zlib',
        // undici too, but with import() on the first call (node-transport-lazy.test.ts), not statically
      ].sort(),
    )
    expect(node.files).toContain('src/shared-config.ts')
  })
})
