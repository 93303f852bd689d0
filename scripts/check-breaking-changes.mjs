#!/usr/bin/env node
// `pnpm check:breaking`: compares openapi/ucdn.yaml with the last release's copy (openapi/released/ucdn.yaml)
// using oasdiff, and fails on a breaking change unless pending changesets bump every package the spec reaches
// (SPEC_PACKAGES) to a new major version. oasdiff is a Go tool; it is installed from the Go module proxy on first use.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const OASDIFF = 'github.com/oasdiff/oasdiff@v1.37.0'

/**
 * The published packages a spec break reaches, each of which must announce it with a major bump: the generated
 * client; @scloud/ucdn, whose results are the generated models and whose validation is the spec's; and
 * @scloud/ucdn-mock, which accepts and answers what the spec says. (@scloud/signer only uses the client's
 * middleware types, which the spec does not shape.) Changesets alone would give the last two a patch bump.
 */
export const SPEC_PACKAGES = ['@scloud/ucdn-client', '@scloud/ucdn', '@scloud/ucdn-mock']

export function ensureOasdiff(root) {
  const bin = join(root, '.tools', 'bin', 'oasdiff')
  if (!existsSync(bin)) {
    console.log(`installing ${OASDIFF} with go install`)
    execFileSync('go', ['install', OASDIFF], {
      env: { ...process.env, GOBIN: join(root, '.tools', 'bin') },
      stdio: 'inherit',
    })
  }
  return bin
}

export function hasMajorChangeset(root, packageName) {
  const dir = join(root, '.changeset')
  if (!existsSync(dir)) return false
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .some((f) => {
      const front = readFileSync(join(dir, f), 'utf8').match(/^---\n([\s\S]*?)\n---/)
      return front?.[1].split('\n').some((line) => {
        const m = line.match(/^\s*["']?([^"':]+)["']?\s*:\s*(\w+)\s*$/)
        return m?.[1] === packageName && m[2] === 'major'
      })
    })
}

export function checkBreaking(root) {
  const bin = ensureOasdiff(root)
  const base = join(root, 'openapi/released/ucdn.yaml')
  const revision = join(root, 'openapi/ucdn.yaml')
  const run = spawnSync(bin, ['breaking', base, revision, '--fail-on', 'ERR', '--format', 'text'], {
    encoding: 'utf8',
  })
  if (run.error) throw run.error
  const report = `${run.stdout}${run.stderr}`.trim()
  if (run.status === 0) return { ok: true, message: report || 'no breaking changes since the last release' }
  const unannounced = SPEC_PACKAGES.filter((name) => !hasMajorChangeset(root, name))
  if (unannounced.length === 0) {
    return { ok: true, message: `breaking changes, announced by major changesets:\n${report}` }
  }
  return {
    ok: false,
    message:
      `openapi/ucdn.yaml breaks the last release's API. Add a major changeset (pnpm changeset) for ` +
      `${unannounced.join(', ')} or undo the change:\n${report}`,
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..'))
  const result = checkBreaking(root)
  ;(result.ok ? console.log : console.error)(result.message)
  process.exit(result.ok ? 0 : 1)
}
