// The submit and quota commands against a fake of the one adapter (cache-api.ts): the command logic, without an
// SDK that has the cache-family methods or a mock that answers them.
import { UcdnError, type UcdnErrorCode } from '@scloud/ucdn'
import { describe, expect, it } from 'vitest'
import type { SubmitOptions as ApiSubmitOptions, CacheApi, CacheTask, TaskKind } from '../cache-api.js'
import type { InputStream, Io } from '../io.js'
import { reportError, type Session } from '../session.js'
import { runQuota } from './quota.js'
import { runSubmit, type SubmitOptions } from './submit.js'

class Capture {
  text = ''
  write(chunk: string) {
    this.text += chunk
    return true
  }
}

const T0 = Date.UTC(2026, 0, 31, 8, 0, 0)

/** Tasks that finish `doneAfterMs` after submission, one URL failing when its path has "gone". */
function fakeApi(now: () => number, doneAfterMs = 6_000) {
  const submitted: { kind: TaskKind; urls: readonly string[]; options: ApiSubmitOptions }[] = []
  const tasks = new Map<string, { kind: TaskKind; urls: readonly string[]; at: number }>()
  const state = (id: string): CacheTask => {
    const t = tasks.get(id)
    if (!t) return { taskId: id }
    const done = now() - t.at >= doneAfterMs
    const urlLists = t.urls.map((url) => ({
      url,
      status: done ? (url.includes('gone') ? 'failure' : 'success') : 'process',
      progress: done && !url.includes('gone') ? 100 : 40,
    }))
    const status = done ? (urlLists.some((u) => u.status === 'failure') ? 'failure' : 'success') : 'process'
    return { taskId: id, createTime: Math.floor(t.at / 1000), status, urlLists }
  }
  const submit = (kind: TaskKind) => async (urls: readonly string[], options: ApiSubmitOptions) => {
    submitted.push({ kind, urls, options })
    const id = `${kind}-${tasks.size + 1}`
    tasks.set(id, { kind, urls, at: now() })
    options.onProgress?.({
      submittedUrls: urls.length,
      totalUrls: urls.length,
      taskIds: [id],
      batch: 1,
      batches: 1,
    })
    return { taskIds: [id] }
  }
  const api: CacheApi = {
    async *paginateTasks(kind, query) {
      const list = (query.taskIds ?? []).filter((id) => tasks.get(id)?.kind === kind).map(state)
      yield { totalCount: list.length, taskList: list }
    },
    prefetchUrls: submit('prefetch'),
    refreshUrls: submit('refresh'),
    getCacheQuota: async () => ({
      prefetchQuota: 1000,
      submitPrefetchCount: 12,
      refreshFileQuota: 700,
      submitRefreshFile: 3,
      requestId: undefined,
    }),
    isPrefetchEnabled: async () => true,
  }
  return { api, submitted }
}

function session(api: CacheApi, clock: { t: number }, stdin?: InputStream) {
  const stdout = new Capture()
  const stderr = new Capture()
  const io: Io = {
    stdout,
    stderr,
    stdin,
    env: { TZ: 'UTC' },
    now: () => clock.t,
    sleep: async (ms) => {
      clock.t += ms
    },
  }
  return { session: { api, demo: false, io } satisfies Session, stdout, stderr }
}

const base: SubmitOptions = {
  kind: 'prefetch',
  urls: [],
  wait: false,
  output: 'table',
  quiet: false,
  color: false,
  verbose: false,
  dcdn: false,
  watchTimeoutSeconds: 3600,
}

async function submit(options: Partial<SubmitOptions>, api?: CacheApi, stdin?: InputStream) {
  const clock = { t: T0 }
  const fake = fakeApi(() => clock.t)
  const s = session(api ?? fake.api, clock, stdin)
  let code: number
  try {
    code = await runSubmit('ucdn', { ...base, ...options }, s.session)
  } catch (error) {
    code = reportError(error, false, 'ucdn', s.session.io)
  }
  return { code, stdout: s.stdout.text, stderr: s.stderr.text, submitted: fake.submitted }
}

describe('ucdn prefetch / refresh', () => {
  it('submits and says how to follow the task', async () => {
    const result = await submit({ urls: ['https://cdn.example.com/a.js', 'https://cdn.example.com/b.css'] })
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      'Submitted 2 URLs for prefetch: task prefetch-1.\nFollow with: ucdn tasks -t prefetch-1 --watch\n',
    )
  })

  it('--wait follows the new task with the progress view until it finishes, exit 0', async () => {
    const result = await submit({ urls: ['https://cdn.example.com/a.js'], wait: true })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/\d\d:\d\d:\d\d +40% {2}0\/1 URLs done/)
    expect(result.stdout).toMatch(/All 1 task finished in \d+ s\./)
    expect(result.stdout).toMatch(/prefetch-1 .*✓ success/)
  })

  it('--wait exits 1 when a URL failed', async () => {
    const result = await submit({
      kind: 'refresh',
      type: 'file',
      urls: ['https://cdn.example.com/gone.js'],
      wait: true,
    })
    expect(result.code).toBe(1)
    expect(result.submitted[0]).toMatchObject({ kind: 'refresh', options: { type: 'file' } })
    expect(result.stdout).toMatch(/✗ failure/)
  })

  it('--output json prints the task ids; --wait --output json the final tasks', async () => {
    const ids = await submit({ urls: ['https://cdn.example.com/a.js'], output: 'json' })
    expect(JSON.parse(ids.stdout)).toEqual({ TaskIds: ['prefetch-1'] })
    const waited = await submit({ urls: ['https://cdn.example.com/a.js'], output: 'json', wait: true })
    expect(JSON.parse(waited.stdout)).toMatchObject({
      TaskList: [{ TaskId: 'prefetch-1', Status: 'success' }],
    })
  })

  it('reads URLs from --from-file - (stdin), skipping blanks and comments', async () => {
    const stdin: InputStream = {
      isTTY: false,
      async *[Symbol.asyncIterator]() {
        yield '# release 42\nhttps://cdn.example.com/a.js\n\n  https://cdn.example.com/b.js  \n'
      },
    }
    const result = await submit({ fromFile: '-' }, undefined, stdin)
    expect(result.code).toBe(0)
    expect(result.submitted[0]?.urls).toEqual([
      'https://cdn.example.com/a.js',
      'https://cdn.example.com/b.js',
    ])
  })

  it('is a usage error without URLs, or with an unreadable file', async () => {
    expect((await submit({})).code).toBe(2)
    const missing = await submit({ fromFile: '/nonexistent/urls.txt' })
    expect(missing).toMatchObject({ code: 2 })
    expect(missing.stderr).toMatch(/cannot read --from-file "\/nonexistent\/urls\.txt" \(ENOENT\)/)
  })

  it('when the outcome is unknown, says what may have been submitted and what was accepted; exit 3', async () => {
    const clock = { t: T0 }
    const { api } = fakeApi(() => clock.t)
    const pendingUrls = Array.from({ length: 7 }, (_, i) => `https://cdn.example.com/p${i}.js`)
    const error = new UcdnError({
      code: 'OUTCOME_UNKNOWN',
      message: 'PrefetchNewUcdnDomainCache timed out after the request was sent; its outcome is unknown.',
      submitted: { taskIds: ['t-1'], pendingUrls, notSubmittedUrls: ['https://cdn.example.com/z.js'] },
    })
    const result = await submit(
      { urls: ['https://cdn.example.com/a.js'] },
      { ...api, prefetchUrls: async () => Promise.reject(error) },
    )
    expect(result.code).toBe(3)
    expect(result.stderr).toContain('ucdn: accepted before the failure: task t-1')
    expect(result.stderr).toContain('may or may not have been submitted (the outcome is unknown')
    expect(result.stderr).toContain('  https://cdn.example.com/p0.js')
    expect(result.stderr).toContain('  … and 2 more')
    expect(result.stderr).toContain('ucdn: not submitted: 1 URL')
    expect(result.stderr).toMatch(/ucdn: PrefetchNewUcdnDomainCache timed out/)
  })
})

describe('ucdn quota', () => {
  it('shows used, quota and left per kind, and whether prefetch is on; --output json in API names', async () => {
    const clock = { t: T0 }
    const { api } = fakeApi(() => clock.t)
    const table = session(api, clock)
    expect(await runQuota({ domainId: 'ucdn-demo01', output: 'table', quiet: false }, table.session)).toBe(0)
    expect(table.stdout.text).toBe(
      [
        'Domain ucdn-demo01: prefetch enabled',
        'TODAY         USED  QUOTA  LEFT',
        'prefetch        12   1000   988',
        'refresh file     3    700   697',
        'refresh dir      -      -     -',
        '',
      ].join('\n'),
    )
    const json = session(api, clock)
    await runQuota({ domainId: 'ucdn-demo01', output: 'json', quiet: false }, json.session)
    expect(JSON.parse(json.stdout.text)).toMatchObject({
      DomainId: 'ucdn-demo01',
      PrefetchEnabled: true,
      PrefetchQuota: 1000,
    })
  })
})
