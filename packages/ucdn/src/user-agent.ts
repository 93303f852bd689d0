// The User-Agent names the SDK, its version, the runtime and the product, so SCloud can tell our traffic apart.

import { invalidInput } from './invalid-input.js'
import { SDK_VERSION } from './version.js'

/** The runtime facts the User-Agent uses; read from `globalThis.process` when not given. */
export interface RuntimeInfo {
  readonly nodeVersion?: string | undefined
  readonly platform?: string | undefined
}

/**
 * `@scloud/ucdn/0.1.0 (node/v20.20.0; linux) Product/UCDN [suffix]`, or `undefined` where a script cannot set
 * the header (browsers: anything without `process.versions.node`).
 */
export function buildUserAgent(suffix?: string, runtime: RuntimeInfo = detectRuntime()): string | undefined {
  if (runtime.nodeVersion === undefined) return undefined
  const nodeVersion = runtime.nodeVersion.startsWith('v') ? runtime.nodeVersion : `v${runtime.nodeVersion}`
  const platform = runtime.platform === undefined ? '' : `; ${runtime.platform}`
  const base = `@scloud/ucdn/${SDK_VERSION} (node/${nodeVersion}${platform}) Product/UCDN`
  const extra = suffix?.trim()
  // A line break would end the header (fetch refuses it later, as a network error): say so now. Node only, as
  // browsers send no User-Agent of ours.
  if (extra && /[\r\n]/.test(extra))
    throw invalidInput('userAgent must be a string without line breaks.', {
      field: 'userAgent',
      source: 'config',
    })
  return extra ? `${base} ${extra}` : base
}

function detectRuntime(): RuntimeInfo {
  const process = (globalThis as { process?: { versions?: { node?: unknown }; platform?: unknown } }).process
  const node = process?.versions?.node
  if (typeof node !== 'string') return {}
  return { nodeVersion: node, platform: typeof process?.platform === 'string' ? process.platform : undefined }
}
