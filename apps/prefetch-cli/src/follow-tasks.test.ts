import { UcdnError, type UcdnErrorCode } from '@scloud/ucdn'
import { describe, expect, it } from 'vitest'
import type { CacheApi, CacheTask } from './cache-api.js'
import { CliError } from './errors.js'
import { type FollowEvents, followTasks, MAX_FAILED_POLLS, MISSING_GRACE_POLLS } from './follow-tasks.js'

const running: CacheTask = {
  taskId: 't1',
  status: 'process',
  urlLists: [{ url: 'https://a/x', status: 'process' }],
}
const done: CacheTask = {
  taskId: 't1',
  status: 'success',
  urlLists: [{ url: 'https://a/x', status: 'success' }],
}

/** An API answering each poll with the next of `answers` (a list of tasks, or an error to throw). */
function api(answers: (CacheTask[] | Error)[]): CacheApi & { polls: number } {
  const fake = {
    polls: 0,
    async *paginateTasks() {
      const answer = answers[Math.min(fake.polls++, answers.length - 1)]
      if (answer instanceof Error) throw answer
      yield { totalCount: answer?.length ?? 0, taskList: answer ?? [] }
    },
  }
  return fake as unknown as CacheApi & { polls: number }
}

function io() {
  let now = 0
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms
    },
  }
}

const error = (code: string, message = `${code}.`) => new UcdnError({ code: code as UcdnErrorCode, message })
const events = () => {
  const seen = { updates: 0, trouble: [] as string[] }
  const sink: FollowEvents = {
    update: () => {
      seen.updates++
    },
    trouble: (problem, _ms, polls) => {
      seen.trouble.push(`${polls}: ${problem}`)
    },
  }
  return { seen, sink }
}
const request = { kind: 'prefetch' as const, ids: ['t1'], initial: [running], query: {}, timeoutMs: 600_000 }

describe('followTasks', () => {
  it('rides through retryable failures, telling each, and ends when the task finishes', async () => {
    const { seen, sink } = events()
    const result = await followTasks(api([error('NETWORK_ERROR'), [running], [done]]), request, io(), sink)
    expect(result.tasks).toEqual([done])
    expect(seen.trouble).toEqual(['1: NETWORK_ERROR.'])
  })

  it(`gives up after ${MAX_FAILED_POLLS} failed polls in a row with the cause`, async () => {
    const { seen, sink } = events()
    const failure = error('NETWORK_ERROR', 'connect ECONNREFUSED 127.0.0.1:8787.')
    const run = followTasks(api([failure]), request, io(), sink)
    await expect(run).rejects.toThrow(
      /gave up watching after 5 failed polls in a row \(\d+ s\): connect ECONNREFUSED/,
    )
    await expect(run).rejects.toBeInstanceOf(CliError)
    expect(seen.trouble).toHaveLength(MAX_FAILED_POLLS - 1)
  })

  it('stops at once on an error retrying cannot help (a refused signature)', async () => {
    const fake = api([new UcdnError({ code: 'API_ERROR', message: 'RetCode 171.', retCode: 171 })])
    await expect(followTasks(fake, request, io(), events().sink)).rejects.toThrow('RetCode 171.')
    expect(fake.polls).toBe(1)
  })

  it('tells a task never seen (not found) from one the API stopped returning (lost)', async () => {
    const never = await followTasks(api([[]]), { ...request, initial: [] }, io(), events().sink)
    expect(never).toMatchObject({ notFound: ['t1'], lost: [], tasks: [] })
    const gone = api([[]])
    const lost = await followTasks(gone, request, io(), events().sink)
    expect(lost).toMatchObject({ notFound: [], lost: ['t1'], tasks: [running] })
    expect(gone.polls).toBe(MISSING_GRACE_POLLS)
  })

  it('gives up at the timeout naming where things stood', async () => {
    await expect(
      followTasks(api([[running]]), { ...request, timeoutMs: 10_000 }, io(), events().sink),
    ).rejects.toThrow(/^Tasks still not finished after 10 s \(--watch-timeout\): 0 of 1 URLs done/)
  })
})
