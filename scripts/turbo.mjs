#!/usr/bin/env node
// turbo with the Node.js major version in its cache key: turbo.json's globalEnv lists SCLOUD_NODE_MAJOR, so a run on
// Node 24 never replays results (tests above all) cached on Node 20. The root scripts (`pnpm build`, `pnpm test`,
// `npm start`…) go through here; a bare `turbo` has the variable unset, a key of its own.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { root } from './workspace-packages.mjs'

const major = process.versions.node.split('.')[0]
const turbo = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'turbo.cmd' : 'turbo')
const result = spawnSync(turbo, process.argv.slice(2), {
  stdio: 'inherit',
  env: { ...process.env, SCLOUD_NODE_MAJOR: major },
  shell: process.platform === 'win32',
})
if (result.error) throw result.error
if (result.signal) process.kill(process.pid, result.signal)
process.exit(result.status ?? 1)
