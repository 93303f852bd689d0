import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildUserAgent } from './user-agent.js'
import { SDK_VERSION } from './version.js'

describe('buildUserAgent', () => {
  it('names the SDK and version, the runtime and platform, and Product/UCDN', () => {
    expect(buildUserAgent(undefined, { nodeVersion: '20.20.0', platform: 'linux' })).toBe(
      `@scloud/ucdn/${SDK_VERSION} (node/v20.20.0; linux) Product/UCDN`,
    )
  })

  it('appends a custom suffix', () => {
    expect(buildUserAgent(' prefetch-cli/1.2 ', { nodeVersion: 'v22.1.0', platform: 'darwin' })).toBe(
      `@scloud/ucdn/${SDK_VERSION} (node/v22.1.0; darwin) Product/UCDN prefetch-cli/1.2`,
    )
  })

  it('is undefined where scripts cannot set it (no Node runtime)', () => {
    expect(buildUserAgent('x', {})).toBeUndefined()
  })

  it('reads this runtime by default', () => {
    expect(buildUserAgent()).toContain(`(node/${process.version}; ${process.platform})`)
  })

  it('SDK_VERSION matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    expect(SDK_VERSION).toBe(pkg.version)
  })
})
