// Under Node 24, turbo replayed test results cached under Node 20 (issue #16, finding 7): the cache key must
// change with the Node.js major version, and the root scripts' turbo wrapper must put the running one in it.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root } from '../workspace-packages.mjs'

type DryRun = { tasks: { taskId: string; hash: string }[] }

function testHash(command: string, args: string[], env: Record<string, string | undefined>): string {
  const run = spawnSync(command, [...args, 'run', 'test', '--dry=json', '--filter=@scloud/signer'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  })
  expect(run.status, run.stderr).toBe(0)
  const dry = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as DryRun
  const task = dry.tasks.find((t) => t.taskId === '@scloud/signer#test')
  expect(task).toBeDefined()
  return task!.hash
}

const turbo = join(root, 'node_modules/.bin/turbo')
const wrapper = [join(root, 'scripts/turbo.mjs')]

describe('the turbo cache key', { timeout: 60_000 }, () => {
  it('differs between Node majors', () => {
    expect(testHash(turbo, [], { SCLOUD_NODE_MAJOR: '20' })).not.toBe(
      testHash(turbo, [], { SCLOUD_NODE_MAJOR: '24' }),
    )
  })

  it('carries the running Node major when turbo runs through scripts/turbo.mjs (the root scripts)', () => {
    const major = process.versions.node.split('.')[0]
    const other = String(Number(major) + 1)
    // Whatever the caller's environment says, the wrapper keys by the Node that runs it.
    const viaWrapper = testHash(process.execPath, wrapper, { SCLOUD_NODE_MAJOR: other })
    expect(viaWrapper).toBe(testHash(turbo, [], { SCLOUD_NODE_MAJOR: major }))
    expect(viaWrapper).not.toBe(testHash(turbo, [], { SCLOUD_NODE_MAJOR: other }))
  })

  it('is what the root scripts and npm test / npm start use', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    for (const name of ['generate', 'build', 'typecheck', 'lint'])
      expect(manifest.scripts[name]).toMatch(/^node scripts\/turbo\.mjs run /)
  })
})
