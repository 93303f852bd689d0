#!/usr/bin/env node
// `pnpm check:breaking`: compares openapi/ucdn.yaml with the last release's copy (openapi/released/ucdn.yaml)
// using oasdiff, and fails on a breaking change unless a pending changeset bumps @scloud/ucdn-client to a
// new major version. oasdiff is a Go tool; it is installed from the Go module proxy on first use.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const OASDIFF = 'github.com/oasdiff/oasdiff@v1.37.0'

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
  if (hasMajorChangeset(root, '@scloud/ucdn-client')) {
    return { ok: true, message: `breaking changes, announced by a major changeset:\n${report}` }
  }
  return {
    ok: false,
    message: `openapi/ucdn.yaml breaks the last release's API. Add a major changeset for @scloud/ucdn-client (pnpm changeset) or undo the change:\n${report}`,
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..'))
  const result = checkBreaking(root)
  ;(result.ok ? console.log : console.error)(result.message)
  process.exit(result.ok ? 0 : 1)
}
