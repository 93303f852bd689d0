#!/usr/bin/env node
// `pnpm check:generated`: regenerates everything from openapi/ and fails, naming the files, when the
// committed output differs (a spec edit without `pnpm generate`, or a hand edit of generated code).
import { execFileSync } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const generatedPaths = [
  'packages/ucdn-client/src/generated',
  'packages/ucdn-client/src/index.ts',
  'packages/ucdn-client/src/schemas.ts',
]

execFileSync(process.execPath, [resolve(root, 'scripts/generate.mjs')], { cwd: root, stdio: 'inherit' })
const status = execFileSync(
  'git',
  ['status', '--porcelain', '--untracked-files=all', '--', ...generatedPaths],
  {
    cwd: root,
    encoding: 'utf8',
  },
)
if (status.trim()) {
  console.error('Generated code is out of date with openapi/. Run `pnpm generate` and commit. Differences:')
  console.error(status.trimEnd())
  process.exit(1)
}
console.log('generated code matches openapi/')
