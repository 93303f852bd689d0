// "A new action is a spec edit and `pnpm generate`" (issue #13), proved on every CI run: a fixture action is added
// to a temporary copy of the spec, generated into a temporary copy of the packages, built and type-checked there,
// then called through `UcdnClient#send` against the standalone mock server — with no hand-written file touched.
import { execFileSync, spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
// @ts-expect-error: the generator is plain ESM JavaScript without type declarations.
import { generate } from '../generate.mjs'
import { addFixtureAction, FIXTURE_ACTION } from './support/fixture-action-spec.js'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
/** The packages a new action reaches, in build order. */
const PACKAGES = ['ucdn-client', 'signer', 'ucdn', 'ucdn-mock'] as const

const hasJava = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0
if (!hasJava) {
  if (process.env.CI) throw new Error('java is not on PATH: CI must run the fixture-action test.')
  console.warn('Skipping the fixture-action test: Java 17 is not on PATH (CI runs it).')
}

let work: string
let gitStatusBefore: string

const gitStatus = () =>
  execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, encoding: 'utf8' })

/** A copy of one workspace package (sources and manifests), its dependencies linked as pnpm linked them. */
function copyPackage(name: string) {
  const from = join(repoRoot, 'packages', name)
  const to = join(work, 'packages', name)
  mkdirSync(to, { recursive: true })
  for (const entry of readdirSync(from)) {
    if (entry === 'src' || entry === 'package.json' || entry.startsWith('tsconfig')) {
      cpSync(join(from, entry), join(to, entry), {
        recursive: true,
        filter: (path) => !path.endsWith('.test.ts'),
      })
    }
  }
  const modules = join(to, 'node_modules')
  for (const scope of readdirSync(join(from, 'node_modules'))) {
    if (scope.startsWith('.')) continue
    const entries = scope.startsWith('@')
      ? readdirSync(join(from, 'node_modules', scope)).map((n) => `${scope}/${n}`)
      : [scope]
    for (const dep of entries) {
      const sibling = dep.startsWith('@scloud/') ? dep.slice('@scloud/'.length) : undefined
      const target =
        sibling !== undefined && (PACKAGES as readonly string[]).includes(sibling)
          ? join(work, 'packages', sibling)
          : realpathSync(join(from, 'node_modules', dep))
      mkdirSync(join(modules, dep, '..'), { recursive: true })
      symlinkSync(target, join(modules, dep), 'dir')
    }
  }
}

function tsc(dir: string, project: string) {
  return spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', project], {
    cwd: dir,
    encoding: 'utf8',
  })
}

beforeAll(() => {
  if (!hasJava) return
  gitStatusBefore = gitStatus()
  work = mkdtempSync(join(tmpdir(), 'fixture-action-'))
  cpSync(join(repoRoot, 'tsconfig.base.json'), join(work, 'tsconfig.base.json'))
  for (const name of PACKAGES) copyPackage(name)
  const spec = parse(readFileSync(join(repoRoot, 'openapi/ucdn.yaml'), 'utf8'))
  mkdirSync(join(work, 'openapi'))
  writeFileSync(join(work, 'openapi/ucdn.yaml'), stringify(addFixtureAction(spec)))
  generate({ spec: join(work, 'openapi/ucdn.yaml'), src: join(work, 'packages/ucdn-client/src') })
}, 180_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe.skipIf(!hasJava)('a fixture action added to a copy of the spec', () => {
  it('is generated as a descriptor exported by its action name, and no file of the repository changes', () => {
    const index = readFileSync(join(work, 'packages/ucdn-client/src/index.ts'), 'utf8')
    expect(index).toContain(`export { ${FIXTURE_ACTION} }`)
    expect(existsSync(join(work, `packages/ucdn-client/src/generated/operations/${FIXTURE_ACTION}.ts`))).toBe(
      true,
    )
    expect(gitStatus()).toBe(gitStatusBefore)
  })

  it('builds every package it reaches, and a caller type-checks against it', () => {
    for (const name of PACKAGES) {
      const run = tsc(join(work, 'packages', name), 'tsconfig.build.json')
      expect(`${name}: ${run.stdout}${run.stderr}`).toBe(`${name}: `)
      expect(run.status).toBe(0)
    }
    const caller = join(work, 'packages/ucdn/src/fixture-caller.ts')
    writeFileSync(caller, readFileSync(join(repoRoot, 'scripts/test/support/fixture-caller.ts.txt'), 'utf8'))
    writeFileSync(
      join(work, 'packages/ucdn/tsconfig.fixture.json'),
      JSON.stringify({ extends: './tsconfig.json', include: ['src/fixture-caller.ts'] }),
    )
    try {
      const run = tsc(join(work, 'packages/ucdn'), 'tsconfig.fixture.json')
      expect(run.stdout + run.stderr).toBe('')
    } finally {
      rmSync(caller)
    }
  }, 240_000)

  it('is callable through send against the mock server: signed, checked before sending, answered from the example', () => {
    const script = join(work, 'call-fixture.mjs')
    cpSync(join(repoRoot, 'scripts/test/support/call-fixture.mjs'), script)
    const run = spawnSync(process.execPath, [script], { cwd: work, encoding: 'utf8', timeout: 60_000 })
    expect(run.stderr).toBe('')
    const result = JSON.parse(run.stdout)
    expect(result.answer).toMatchObject({
      widgets: [
        { widgetId: 'w-1', size: 3 },
        { widgetId: 'w-2', size: 5 },
      ],
    })
    expect(typeof result.answer.requestId).toBe('string')
    // Bad params: refused by the generated schema before anything reached the server.
    expect(result.invalid).toMatchObject({ code: 'INVALID_INPUT' })
    expect(result.invalid.message).toMatch(/widgetid/i)
    expect(result.requestsAfterInvalid).toBe(result.requestsBeforeInvalid)
    // A wrong private key: the mock checks the signature of the new action like any other.
    expect(result.wrongKey).toMatchObject({ code: 'API_ERROR', retCode: 171 })
  }, 90_000)
})
