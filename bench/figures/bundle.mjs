// Figure 5: the browser bundle of a tiny app calling describePrefetchTasks (esbuild, minified, platform and
// conditions "browser", gzip -9 with node:zlib), what dominates it, and that no Node-only code got in.
import { dirname, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'
import { kb } from '../lib/format.mjs'

export const id = 'bundle'
export const title = 'Browser bundle (esbuild, minified, gzip -9)'
const BUDGET_BYTES = 20 * 1024
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
          budget: '≤ 20 KB',
          status: 'fail',
        },
      ],
    }
  }
  const code = result.outputFiles[0].text
  const gz = gzipSync(code, { level: 9 }).length
  const [output] = Object.values(result.metafile.outputs)
  const inputs = Object.entries(output.inputs)
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
  const nodeImports = [
    ...allImports.filter((p) => p.startsWith('node:')),
    ...(code.match(/(?:from|import|require)\s*\(?\s*["']node:[^"']+/g) ?? []),
  ]
  const undiciInputs = inputs.filter((i) => i.package === 'undici')
  Object.assign(raw, {
    minifiedBytes: code.length,
    gzipBytes: gz,
    byPackage: Object.fromEntries(packages),
    gzipAddedBy: gzShares,
    topInputs: inputs.slice(0, 15),
    nodeImports,
    undiciInputs: undiciInputs.map((i) => i.path),
    nodeStringLiterals: code.match(/["']node:[a-z_/]+["']/g) ?? [],
  })
  const total = code.length
  const share = (bytes) => `${((bytes / total) * 100).toFixed(0)}%`
  return {
    raw,
    rows: [
      {
        figure: 'bundle size (gzip -9)',
        measured: `${kb(gz)} gz (${kb(code.length)} min)`,
        budget: '≤ 20 KB',
        status: gz <= BUDGET_BYTES ? 'pass' : 'fail',
        value: gz,
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

/** The app's bundle; `external` packages are left as imports (to measure what each one adds). */
function build(external = []) {
  return esbuild.build({
    stdin: { contents: APP, resolveDir: benchDir, sourcefile: 'app.mjs', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['browser'],
    target: 'es2022',
    metafile: true,
    write: false,
    outfile: 'app.js',
    logLevel: 'silent',
    external: external.flatMap((name) => [name, `${name}/*`]),
  })
}

/** gzip bytes each dependency adds: the bundle built with it (and what only it pulls in) left external. */
async function gzipShares(total, packages) {
  const shares = {}
  for (const name of packages) {
    if (name === '@scloud/ucdn' || name.startsWith('(')) continue
    const without = await build([name])
    shares[name] = total - gzipSync(without.outputFiles[0].text, { level: 9 }).length
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
