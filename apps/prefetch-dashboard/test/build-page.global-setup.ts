// Builds the page once for the bundle scan and the browser tests, exactly as `pnpm build` does, but with
// credential-shaped canaries in the environment: the bundle test then proves none of them reached the page.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { TestProject } from 'vitest/node'

/** Values a careless build could inline; each must be absent from the built page. */
export const CANARIES = {
  UCLOUD_PUBLIC_KEY: 'canary-public-key-5b1e0c9d',
  UCLOUD_PRIVATE_KEY: 'canary-private-key-9f3a7d21',
  VITE_UCLOUD_PRIVATE_KEY: 'canary-vite-private-key-0c4e8b62',
  // Passes the envPrefix: absent only as long as no code reads the whole import.meta.env.
  VITE_UCDN_PRIVATE_KEY: 'canary-vite-ucdn-private-key-7a2d5f10',
} as const

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built page (what `pnpm build` writes to dist/client). */
    pageDir: string
    /** The real UCLOUD_PRIVATE_KEY of the environment the tests run in, if any: must not be in the page either. */
    environmentPrivateKey: string
  }
}

const appDir = fileURLToPath(new URL('..', import.meta.url))

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), 'prefetch-dashboard-page-'))
  const vite = join(appDir, 'node_modules', 'vite', 'bin', 'vite.js')
  await promisify(execFile)(
    process.execPath,
    [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: appDir,
      env: { ...process.env, ...CANARIES },
      timeout: 120_000,
    },
  )
  project.provide('pageDir', outDir)
  project.provide('environmentPrivateKey', process.env.UCLOUD_PRIVATE_KEY ?? '')
  return () => rm(outDir, { recursive: true, force: true })
}
