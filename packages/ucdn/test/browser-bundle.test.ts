// What a one-call browser app loads at start, bundled as a browser app is (esbuild, code splitting on): only what
// its call needs. Not the hashing library where Web Crypto signs, not the typescript-fetch runtime, and nothing
// of the spec's other actions (their descriptors, schemas and checks) — those come with the methods that call
// them, loaded on first use.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const CALLED = 'DescribeNewUcdnPrefetchCacheTask'

const APP = `
import { UcdnClient } from './src/index.ts'
const client = new UcdnClient({ credentials: { publicKey: 'p', privateKey: 's' } })
const page = await client.describePrefetchTasks({ taskIds: ['t'] })
document.body.textContent = String(page.taskList.length)
`

interface Bundle {
  readonly atStart: string[]
  readonly all: string[]
  /** Minified bytes each input adds to the files loaded at start. */
  readonly bytes: Record<string, number>
}

/** The inputs (paths) of the files a browser loads at start: the entry and the chunks it imports statically. */
async function loadedAtStart(): Promise<Bundle> {
  const result = await esbuild.build({
    stdin: { contents: APP, resolveDir: root, sourcefile: 'app.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    platform: 'browser',
    conditions: ['browser', '@scloud/source'],
    target: 'es2022',
    metafile: true,
    write: false,
    outdir: 'out',
    logLevel: 'silent',
  })
  const outputs = result.metafile.outputs
  const eager = new Set<string>()
  const visit = (name: string) => {
    if (eager.has(name)) return
    eager.add(name)
    for (const imported of outputs[name]?.imports ?? []) {
      if (imported.kind === 'import-statement') visit(imported.path)
    }
  }
  for (const [name, output] of Object.entries(outputs)) if (output.entryPoint === 'app.ts') visit(name)
  const inputsOf = (names: Iterable<string>) =>
    [...names].flatMap((name) =>
      Object.entries(outputs[name]?.inputs ?? {})
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => path),
    )
  const bytes: Record<string, number> = {}
  for (const name of eager) {
    for (const [path, input] of Object.entries(outputs[name]?.inputs ?? {})) {
      bytes[path] = (bytes[path] ?? 0) + input.bytesInOutput
    }
  }
  return { atStart: inputsOf(eager), all: inputsOf(Object.keys(outputs)), bytes }
}

describe('a one-call browser app', () => {
  let bundle: Bundle
  beforeAll(async () => {
    bundle = await loadedAtStart()
  }, 60_000)

  // esbuild splits code per file: each action is one self-contained generated module, and @scloud/ucdn imports
  // descriptors by their own module (not through the package index), so no other action shares the start chunk.
  it('loads the called action, and no other action, at start', () => {
    const operations = bundle.atStart.filter((path) => path.includes('/generated/operations/'))
    expect(operations.map((path) => path.replace(/.*\/operations\/|\.js$/g, ''))).toEqual([CALLED])
  })

  it('loads no paging walk at start (paginatePrefetchTasks loads it with the first page)', () => {
    expect(bundle.atStart.filter((path) => /\/paginate\.[jt]s$/.test(path))).toEqual([])
    expect(bundle.all.some((path) => /\/paginate\.[jt]s$/.test(path))).toBe(true)
  })

  it('loads no logging code at start (a client with a logger loads it with its first call)', () => {
    const logging = (path: string) => /\/(pipeline\/log|logger)\.[jt]s$/.test(path)
    expect(bundle.atStart.filter(logging)).toEqual([])
    expect(bundle.all.filter(logging)).toHaveLength(2)
  })

  it('loads no schema library at all: requests and answers are checked by generated code', () => {
    expect(bundle.all.filter((path) => path.includes('zod'))).toEqual([])
  })

  it('loads no SHA-1 of its own at start (Web Crypto signs; the fallback SHA-1 only where it is missing)', () => {
    expect(bundle.atStart.filter((path) => path.includes('sha1-fallback'))).toEqual([])
    expect(bundle.all.some((path) => path.includes('sha1-fallback'))).toBe(true)
  })

  it('loads no typescript-fetch runtime or API class (of the runtime only the BASE_PATH constant)', () => {
    expect(bundle.atStart.filter((path) => path.includes('/generated/apis/'))).toEqual([])
    const runtime = Object.entries(bundle.bytes).filter(([path]) => path.endsWith('/generated/runtime.js'))
    expect(runtime.every(([, bytes]) => bytes < 120)).toBe(true)
  })
})
