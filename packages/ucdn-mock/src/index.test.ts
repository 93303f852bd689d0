import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import * as main from './index.js'
import * as nodeEntry from './node.js'

const src = dirname(fileURLToPath(import.meta.url))

/** Every module specifier the file imports, followed through relative imports. */
function reachableImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return new Set()
  seen.add(file)
  const found = new Set<string>()
  const code = readFileSync(file, 'utf8')
  for (const [, specifier] of code.matchAll(/^(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)) {
    if (specifier!.startsWith('.')) {
      const target = join(dirname(file), specifier!.replace(/\.js$/, '.ts'))
      found.add(target)
      for (const nested of reachableImports(target, seen)) found.add(nested)
    } else {
      found.add(specifier!)
    }
  }
  return found
}

describe('the main entry', () => {
  it('is browser-safe: nothing it reaches imports a node: module or the server', () => {
    const imports = [...reachableImports(join(src, 'index.ts'))]
    expect(imports.filter((s) => s.startsWith('node:'))).toEqual([])
    expect(imports.filter((s) => s.includes('/node/'))).toEqual([])
    expect(imports).toContain('msw')
  })

  it('exports the public API by name', () => {
    expect(Object.keys(main).sort()).toEqual(
      [
        'ApiRefusal',
        'CACHE_RET_CODES',
        'combineBackends',
        'DEFAULT_BASE_URL',
        'DEFAULT_DOMAIN_QUOTA',
        'DEFAULT_MAX_BODY_BYTES',
        'DEFAULT_PROJECT_ID',
        'DEFAULT_URL_PLAN',
        'DEMO_CREDENTIALS',
        'DEMO_DOMAIN',
        'DEMO_SETTLE_MS',
        'FIXTURE_NAMES',
        'REFERENCE_RESPONSE_EXAMPLE',
        'REQUEST_ID_HEADER',
        'RET_CODES',
        'UcdnMockError',
        'createDemoBackend',
        'createFaultInjector',
        'createFixtureBackend',
        'createManualClock',
        'createPrefetchBackend',
        'createReferenceBackend',
        'createUcdnHandlers',
        'systemClock',
      ].sort(),
    )
    expect(Object.keys(nodeEntry).sort()).toEqual([
      'DEFAULT_SERVER_LIMITS',
      'setupUcdnServer',
      'startMockServer',
    ])
  })

  it('documents the demo key pair as obviously not secret', () => {
    expect(main.DEMO_CREDENTIALS).toEqual({
      publicKey: 'ucdn-demo-public-key',
      privateKey: 'ucdn-demo-private-key-not-a-secret',
    })
    expect(Object.isFrozen(main.DEMO_CREDENTIALS)).toBe(true)
  })
})

describe('the demo domain', () => {
  it('is the host the demo tasks live on, frozen', () => {
    expect(main.DEMO_DOMAIN).toEqual({ domainId: 'ucdn-demo01', host: 'cdn.example.com' })
    expect(Object.isFrozen(main.DEMO_DOMAIN)).toBe(true)
  })
})
