import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { signParams } from '@scloud/signer'
import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_CREDENTIALS } from '../credentials.js'
import { runMockServerCli } from './cli.js'
import type { MockServer } from './server.js'

const started: MockServer<never>[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()))
})

let live: string[] = []
const logged = () => live.join('')

/** Runs with a log that outlives the call (the request log is written while the server runs). */
async function runLive(...args: string[]) {
  live = []
  const result = await runMockServerCli(args, { out: () => {}, err: (t) => live.push(t) })
  if (typeof result !== 'number') started.push(result as MockServer<never>)
  return { result, err: logged() }
}

async function run(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const result = await runMockServerCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) })
  if (typeof result !== 'number') started.push(result as MockServer<never>)
  return { result, out: out.join(''), err: err.join('') }
}

async function describeAll(url: string) {
  const params: Record<string, string> = {
    Action: 'DescribeNewUcdnPrefetchCacheTask',
    PublicKey: DEMO_CREDENTIALS.publicKey,
  }
  params.Signature = signParams(params, DEMO_CREDENTIALS.privateKey)
  const response = await fetch(url, { method: 'POST', body: new URLSearchParams(params) })
  return (await response.json()) as { RetCode: number; TotalCount?: number; Test?: string }
}

describe('ucdn-mock-server', () => {
  it('starts an empty server on loopback and prints its URL and the demo credentials', async () => {
    const { result, out } = await run('--port', '0')
    expect(typeof result).toBe('object')
    const url = (result as MockServer).url
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(out).toContain(`listening on ${url} (no tasks)`)
    expect(out).toContain(`UCLOUD_API_BASE_URL=${url}`)
    expect(out).toContain(`UCLOUD_PUBLIC_KEY=${DEMO_CREDENTIALS.publicKey}`)
    expect(out).toContain(`UCLOUD_PRIVATE_KEY=${DEMO_CREDENTIALS.privateKey}`)
    expect(await describeAll(url)).toMatchObject({ RetCode: 0, TotalCount: 0 })
  })

  it('serves the demo data with --demo', async () => {
    const { result, out } = await run('--demo')
    expect(out).toContain('(demo data)')
    expect(await describeAll((result as MockServer).url)).toMatchObject({ RetCode: 0, TotalCount: 5 })
  })

  it('serves the reference example with --fixture reference', async () => {
    const { result } = await run('--fixture', 'reference')
    expect(await describeAll((result as MockServer).url)).toMatchObject({ RetCode: 0, Test: 'ryEuYMgQ' })
  })

  it('prints help with --help and exits 0', async () => {
    const { result, out } = await run('--help')
    expect(result).toBe(0)
    expect(out).toMatch(/^Usage: ucdn-mock-server/)
  })

  it.each([
    [['--port', 'eighty'], /--port must be a number/],
    [['--port', '70000'], /--port must be a number/],
    [['--demo', '--fixture', 'reference'], /Use --fixture alone/],
    [['--tasks', 'x.json', '--fixture', 'reference'], /Use --fixture alone/],
    [['--fixture', 'nope'], /Unknown fixture nope/],
    [['--verbose'], /Unknown option/],
    [['extra'], /positional/],
  ])('refuses %j with exit code 2 and the usage', async (args, message) => {
    const { result, err } = await run(...args)
    expect(result).toBe(2)
    expect(err).toMatch(message)
    expect(err).toContain('Usage: ucdn-mock-server')
  })

  it('exits 1 when the server cannot start', async () => {
    const first = await run()
    const port = new URL((first.result as MockServer).url).port
    const { result, err } = await run('--port', port)
    expect(result).toBe(1)
    expect(err).toMatch(/cannot start: .*EADDRINUSE/)
  })

  it('has a bin with a node shebang', () => {
    const bin = readFileSync(fileURLToPath(new URL('../bin.ts', import.meta.url)), 'utf8')
    expect(bin.startsWith('#!/usr/bin/env node\n')).toBe(true)
  })

  it('says how to fill an empty server, and not when it has tasks', async () => {
    const empty = await run()
    expect(empty.out).toContain('It has no tasks yet: start it with --demo for sample tasks, or --tasks FILE')
    const demo = await run('--demo')
    expect(demo.out).not.toContain('no tasks yet')
  })

  it('prints its version with --version and exits 0', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
    expect(await run('--version')).toMatchObject({ result: 0, out: `ucdn-mock-server ${version}\n` })
  })
})

describe('ucdn-mock-server request log', () => {
  it('writes one line per request to stderr: time, method, action, RetCode, ms; never a key or signature', async () => {
    const { result, err: before } = await runLive()
    const url = (result as MockServer).url
    await describeAll(url)
    await fetch(`${url}/nowhere?Signature=abc123`)
    const lines = logged().split('\n').filter(Boolean)
    expect(before).toBe('')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z POST DescribeNewUcdnPrefetchCacheTask RetCode 0 \d+ ms$/,
    )
    expect(lines[1]).toMatch(/Z GET - HTTP 404 \d+ ms$/)
    expect(logged()).not.toContain(DEMO_CREDENTIALS.privateKey)
    expect(logged()).not.toContain(DEMO_CREDENTIALS.publicKey)
    expect(logged()).not.toContain('abc123')
  })

  it('is off with --quiet', async () => {
    const { result } = await runLive('--quiet')
    await describeAll((result as MockServer).url)
    expect(logged()).toBe('')
  })
})

describe('ucdn-mock-server --tasks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ucdn-mock-tasks-'))
  const file = (name: string, content: unknown) => {
    const path = join(dir, name)
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
    return path
  }
  const task = {
    TaskId: 'fromFile',
    CreateTime: Math.floor(Date.now() / 1000) - 60,
    UrlLists: [
      {
        Url: 'https://cdn.example.com/a.js',
        Status: 'success',
        FinishTime: Math.floor(Date.now() / 1000) - 30,
      },
    ],
  }

  it('loads the tasks of a saved describe answer', async () => {
    const { result, out } = await run('--tasks', file('saved.json', { TotalCount: 1, TaskList: [task] }))
    expect(out).toContain('(tasks from ')
    expect(await describeAll((result as MockServer).url)).toMatchObject({ RetCode: 0, TotalCount: 1 })
  })

  it('loads a task with a Type as a refresh task', async () => {
    const { result } = await run('--tasks', file('refresh.json', [{ ...task, TaskId: 'r1', Type: 'file' }]))
    const url = (result as MockServer).url
    expect(await describeAll(url)).toMatchObject({ TotalCount: 0 })
    const params: Record<string, string> = {
      Action: 'DescribeNewUcdnRefreshCacheTask',
      PublicKey: DEMO_CREDENTIALS.publicKey,
    }
    params.Signature = signParams(params, DEMO_CREDENTIALS.privateKey)
    const response = await fetch(url, { method: 'POST', body: new URLSearchParams(params) })
    expect(await response.json()).toMatchObject({
      RetCode: 0,
      TotalCount: 1,
      TaskList: [{ TaskId: 'r1', Type: 'file' }],
    })
  })

  it('adds them to the demo tasks with --demo', async () => {
    const { result } = await run('--demo', '--tasks', file('list.json', [task]))
    expect(await describeAll((result as MockServer).url)).toMatchObject({ TotalCount: 6 })
  })

  it.each([
    [
      'a file that is not there',
      () => join(dir, 'missing.json'),
      /--tasks: cannot read .*missing\.json \(ENOENT\)/,
    ],
    ['a file that is not JSON', () => file('bad.json', '{nope'), /--tasks: .*bad\.json is not JSON/],
    [
      'a task of the wrong shape',
      () => file('shape.json', [{ UrlLists: [{ Url: 'u', Progress: 'half' }] }]),
      /shape\.json: TaskList\[0\]\.UrlLists\[0\]\.Progress: expected number/,
    ],
    ['two tasks with one id', () => file('dup.json', [task, task]), /A task with id "fromFile" exists/],
  ])('refuses %s with exit code 2, naming the problem', async (_, path, message) => {
    const { result, err } = await run('--tasks', path())
    expect(result).toBe(2)
    expect(err).toMatch(message)
  })
})
