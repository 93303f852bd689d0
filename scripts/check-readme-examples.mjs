#!/usr/bin/env node
// `pnpm check:readmes`: every ```ts block in a package's README.md must type-check against the built
// packages, so the examples other teams copy cannot rot. Blocks fenced as ```ts no-check are skipped.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { root } from './workspace-packages.mjs'

const dirs = ['packages', 'apps'].flatMap((group) =>
  readdirSync(join(root, group)).map((name) => join(root, group, name)),
)
let failed = false
for (const dir of dirs) {
  const readme = join(dir, 'README.md')
  if (!existsSync(readme)) {
    console.error(`${relative(root, dir)}: README.md is missing`)
    failed = true
    continue
  }
  const blocks = [...readFileSync(readme, 'utf8').matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1])
  const out = join(dir, '.readme-examples')
  rmSync(out, { recursive: true, force: true })
  if (blocks.length === 0) continue
  mkdirSync(out)
  for (const [i, code] of blocks.entries())
    writeFileSync(join(out, `example-${i + 1}.ts`), `export {}\n${code}`)
  writeFileSync(
    join(out, 'tsconfig.json'),
    JSON.stringify({
      extends: '../../../tsconfig.base.json',
      compilerOptions: { noEmit: true, types: ['node'], noUnusedLocals: false },
      include: ['*.ts'],
    }),
  )
  try {
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(out, 'tsconfig.json')], { stdio: 'pipe' })
    console.log(`${relative(root, readme)}: ${blocks.length} example(s) type-check`)
  } catch (error) {
    console.error(`${relative(root, readme)}: an example does not type-check:\n${error.stdout}`)
    failed = true
  }
}
process.exit(failed ? 1 : 0)
