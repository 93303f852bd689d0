// Figure 5: the browser bundle of a tiny app calling describePrefetchTasks (esbuild, minified, platform and
// conditions "browser", gzip -9 with node:zlib), what dominates it, and that no Node-only code got in; and what
// the spec's other actions add to it (+0 B each: the same app built with every other action's descriptor module
// replaced by an empty one must be byte for byte the same size).
import { dirname, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'
import { kb } from '../lib/format.mjs'

export const id = 'bundle'
export const title = 'Browser bundle (esbuild, minified, gzip -9)'
const BUDGET_BYTES = 16 * 1024
const BUDGET = '≤ 16 KB'
/** The action the app calls; every other operation module of @scloud/ucdn-client is "an action it does not call". */
const CALLED = 'DescribeNewUcdnPrefetchCacheTask'
/**
 * Chunks behind an import() that this app's one call may load, so they count: the SHA-1 fallback (a page without
 * Web Crypto) and the validation library when it is loaded to word an error. Other lazy chunks are the code of
 * methods the app never calls.
 */
const MAY_LOAD = [/sha1-fallback/, /noble-sha1/, /zod/, /describe-schema/, /describe-issues/]
const benchDir = dirname(dirname(fileURLToPath(import.meta.url)))
const repoDir = dirname(benchDir)

export const APP = `
import { UcdnClient } from '@scloud/ucdn'

const client = new UcdnClient({ credentials: { publicKey: 'my-public-key', privateKey: 'my-private-key' } })
const page = await client.describePrefetchTasks({ taskIds: ['pf-7kq2m9x4ab'], projectId: 'org-bench01' })
document.body.textContent = page.taskList.map((t) => t.taskId + ' ' + t.status).join('\\n')
`

/**
 * @returns {Promise<import('../lib/types.mjs').FigureResult>}
 */
export async function run() {
  /** @type {Record<string, any>} */
  const raw = {}
  let result
  try {
    result = await build()
  } catch (err) {
    const message = (err.errors ?? []).map((e) => e.text).join('; ') || err.message
    raw.error = message
    return {
      raw,
      rows: [
        {
          figure: 'bundle size (gzip)',
          measured: `build failed: ${message}`,
          budget: BUDGET,
          status: 'fail',
        },
      ],
    }
  }
  const { eager, lazy } = loadedFiles(result)
  const mayLoad = lazy.filter((f) => MAY_LOAD.some((re) => re.test(f.name)))
  const counted = [...eager, ...mayLoad]
  const notCalled = lazy.filter((f) => !mayLoad.includes(f))
  // +0 B per action not called: the same app with the other actions' descriptor modules emptied.
  const others = await otherActions()
  const alone = await build([], others)
  const aloneFiles = loadedFiles(alone)
  const aloneCounted = [
    ...aloneFiles.eager,
    ...aloneFiles.lazy.filter((f) => MAY_LOAD.some((re) => re.test(f.name))),
  ]
  const minOf = (files) => files.reduce((n, f) => n + f.text.length, 0)
  const perActionBytes = (minOf(counted) - minOf(aloneCounted)) / Math.max(1, others.length)
  // The same app importing every other action's descriptor (unused): what importing an action costs.
  const importing = await build([], [], `import { ${others.join(', ')} } from '@scloud/ucdn-client'\n${APP}`)
  const importingFiles = loadedFiles(importing)
  const importingCounted = [
    ...importingFiles.eager,
    ...importingFiles.lazy.filter((f) => MAY_LOAD.some((re) => re.test(f.name))),
  ]
  const perImportBytes = (minOf(importingCounted) - minOf(counted)) / Math.max(1, others.length)
  // What the browser downloads for the app: the entry and every chunk it imports statically, each file gzipped
  // on its own (as a server sends it). Chunks behind a dynamic import() load only when that code runs.
  const code = counted.map((f) => f.text).join('\n')
  const gz = gzBytes(counted)
  const startGz = gzBytes(eager)
  const lazyGz = gzBytes(notCalled)
  const inputs = counted
    .flatMap((f) => Object.entries(f.output.inputs))
    .map(([path, info]) => ({
      path: relative(repoDir, `${benchDir}/${path}`),
      package: packageOf(path),
      bytes: info.bytesInOutput,
    }))
    .sort((a, b) => b.bytes - a.bytes)
  const byPackage = {}
  for (const i of inputs) byPackage[i.package] = (byPackage[i.package] ?? 0) + i.bytes
  const packages = Object.entries(byPackage).sort((a, b) => b[1] - a[1])

  const gzShares = await gzipShares(
    gz,
    packages.map(([name]) => name),
  )
  const allImports = Object.values(result.metafile.inputs).flatMap((i) => i.imports.map((imp) => imp.path))
  // The Node-only checks cover every file of the build, lazily loaded chunks included.
  const allCode = [...eager, ...lazy].map((f) => f.text).join('\n')
  const nodeImports = [
    ...allImports.filter((p) => p.startsWith('node:')),
    ...(allCode.match(/(?:from|import|require)\s*\(?\s*["']node:[^"']+/g) ?? []),
  ]
  const undiciInputs = Object.keys(result.metafile.inputs)
    .filter((path) => packageOf(path) === 'undici')
    .map((path) => ({ path }))
  Object.assign(raw, {
    minifiedBytes: code.length,
    gzipBytes: gz,
    startGzipBytes: startGz,
    perUnusedActionBytes: perActionBytes,
    perImportedUnusedActionBytes: perImportBytes,
    otherActions: others,
    withoutOtherActions: { minifiedBytes: minOf(aloneCounted), gzipBytes: gzBytes(aloneCounted) },
    eagerFiles: eager.map((f) => ({ file: f.name, bytes: f.text.length, gzipBytes: gzBytes([f]) })),
    mayLoadFiles: mayLoad.map((f) => ({ file: f.name, bytes: f.text.length, gzipBytes: gzBytes([f]) })),
    lazyFiles: lazy.map((f) => ({ file: f.name, bytes: f.text.length, gzipBytes: gzBytes([f]) })),
    byPackage: Object.fromEntries(packages),
    gzipAddedBy: gzShares,
    topInputs: inputs.slice(0, 15),
    nodeImports,
    undiciInputs: undiciInputs.map((i) => i.path),
    nodeStringLiterals: allCode.match(/["']node:[a-z_/]+["']/g) ?? [],
  })
  const total = code.length
  const share = (bytes) => `${((bytes / total) * 100).toFixed(0)}%`
  return {
    raw,
    rows: [
      {
        figure: 'one-call app, everything it may load (gzip -9)',
        measured: `${kb(gz)} gz (${kb(code.length)} min) in ${counted.length} file${counted.length === 1 ? '' : 's'}; at start ${kb(startGz)} gz in ${eager.length}`,
        budget: BUDGET,
        status: gz <= BUDGET_BYTES ? 'pass' : 'fail',
        value: gz,
      },
      {
        figure: `+B per spec action imported, not called (${others.length} imported)`,
        measured: `+${perImportBytes.toFixed(0)} B min each (${minOf(importingCounted)} vs ${minOf(counted)} B min)`,
        budget: '+0 B',
        status: perImportBytes <= 0 ? 'pass' : 'fail',
        value: perImportBytes,
      },
      {
        figure: `+B per spec action not called, via the client's methods (${others.length} emptied)`,
        measured: `+${perActionBytes.toFixed(0)} B min each (${minOf(counted)} vs ${minOf(aloneCounted)} B min; ${gz} vs ${gzBytes(aloneCounted)} B gz)`,
        budget: '+0 B',
        status: perActionBytes <= 0 ? 'pass' : 'fail',
        value: perActionBytes,
      },
      {
        figure: "  other methods' code (import() on first use), not counted",
        measured:
          notCalled.length === 0
            ? 'none'
            : `${kb(lazyGz)} gz in ${notCalled.length} file${notCalled.length === 1 ? '' : 's'}`,
        status: 'info',
      },
      {
        figure: '  by package (minified bytes)',
        measured: packages.map(([p, b]) => `${p} ${kb(b)} ${share(b)}`).join(', '),
        status: 'info',
      },
      {
        figure: '  gzip bytes each dependency adds',
        measured: Object.entries(gzShares)
          .map(([p, b]) => `${p} +${kb(b)}`)
          .join(', '),
        status: 'info',
      },
      ...inputs.slice(0, 5).map((i) => ({
        figure: `    ${i.path}`,
        measured: `${kb(i.bytes)} ${share(i.bytes)}`,
        status: 'info',
      })),
      {
        figure: 'no node: import in the bundle',
        measured: nodeImports.length === 0 ? 'none' : nodeImports.join(', '),
        budget: 'none',
        status: nodeImports.length === 0 ? 'pass' : 'fail',
      },
      {
        figure: 'no undici in the bundle',
        measured: undiciInputs.length === 0 ? 'none' : `${undiciInputs.length} undici files`,
        budget: 'none',
        status: undiciInputs.length === 0 ? 'pass' : 'fail',
      },
    ],
  }
}

/**
 * The app's bundle, split as a browser app is: code behind a dynamic `import()` goes to its own chunk.
 * `external` packages are left as imports (to measure what each one adds).
 */
function build(external = [], emptied = [], app = APP) {
  return esbuild.build({
    plugins: emptied.length === 0 ? [] : [emptyOperations(emptied)],
    stdin: { contents: app, resolveDir: benchDir, sourcefile: 'app.mjs', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    platform: 'browser',
    conditions: ['browser'],
    target: 'es2022',
    metafile: true,
    write: false,
    outdir: 'out',
    logLevel: 'silent',
    external: external.flatMap((name) => [name, `${name}/*`]),
  })
}

/**
 * The output files split by when a browser loads them: `eager`, the entry and the chunks it imports statically
 * (transitively); `lazy`, the rest (reached only through a dynamic import()).
 */
function loadedFiles(result) {
  const outputs = result.metafile.outputs
  const files = Object.entries(outputs).map(([name, output]) => ({
    name,
    output,
    text: result.outputFiles.find((f) => f.path.endsWith(`/${name}`))?.text ?? '',
  }))
  const byName = new Map(files.map((f) => [f.name, f]))
  const eagerNames = new Set()
  const visit = (name) => {
    if (eagerNames.has(name)) return
    eagerNames.add(name)
    for (const imported of outputs[name]?.imports ?? []) {
      if (imported.kind === 'import-statement' && byName.has(imported.path)) visit(imported.path)
    }
  }
  // The app's entry: the one entry point no other file imports (a chunk made for an import() is imported).
  const imported = new Set(files.flatMap((f) => f.output.imports.map((i) => i.path)))
  for (const f of files) if (f.output.entryPoint !== undefined && !imported.has(f.name)) visit(f.name)
  return {
    eager: files.filter((f) => eagerNames.has(f.name)),
    lazy: files.filter((f) => !eagerNames.has(f.name)),
  }
}

/** The generated operation modules of every action but the one the app calls. */
async function otherActions() {
  const { operations } = await import('@scloud/ucdn-client')
  return Object.keys(operations).filter((action) => action !== CALLED)
}

/** An esbuild plugin that replaces these actions' descriptor modules by an empty export. */
function emptyOperations(actions) {
  return {
    name: 'empty-operations',
    setup(b) {
      b.onLoad({ filter: /[\\/]generated[\\/]operations[\\/]\w+\.js$/ }, (args) => {
        const action = /(\w+)\.js$/.exec(args.path)?.[1]
        if (!actions.includes(action)) return undefined
        return { contents: `export const ${action} = undefined`, loader: 'js' }
      })
    },
  }
}

/** gzip -9 bytes of each file compressed on its own, summed. */
function gzBytes(files) {
  return files.reduce((sum, f) => sum + gzipSync(f.text, { level: 9 }).length, 0)
}

/** gzip bytes each dependency adds: the bundle built with it (and what only it pulls in) left external. */
async function gzipShares(total, packages) {
  const shares = {}
  for (const name of packages) {
    if (name === '@scloud/ucdn' || name.startsWith('(')) continue
    const without = await build([name])
    shares[name] = total - gzBytes(loadedFiles(without).eager)
  }
  return shares
}

/** `@scloud/ucdn` for workspace packages, the npm name for anything under node_modules. */
function packageOf(path) {
  const nm = path.lastIndexOf('node_modules/')
  if (nm !== -1) {
    const parts = path.slice(nm + 'node_modules/'.length).split('/')
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]
  }
  const ws = path.match(/(?:^|\/)packages\/([^/]+)\//)
  if (ws) return `@scloud/${ws[1]}`
  return path.startsWith('<stdin>') || path === 'app.mjs' ? '(app)' : path
}
