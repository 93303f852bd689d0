// Property-based: whatever valid or invalid request a client sends, over whatever task set and at whatever
// time, every answer validates against the spec's response schema, and paging keeps its invariants.
import { operationSchemas } from '@scloud/ucdn-client/schemas'
import fc from 'fast-check'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createManualClock,
  createPrefetchBackend,
  createUcdnHandlers,
  DEFAULT_PROJECT_ID,
  type PrefetchTaskSeed,
} from '../../src/index.js'
import { ACTION, formRequest, getRequest, jsonRequest, sign } from '../support/requests.js'

const responseSchema = operationSchemas.DescribeNewUcdnPrefetchCacheTask.response
const T0 = Date.UTC(2026, 10, 29, 8, 0, 0)
const STATUSES = ['success', 'wait', 'process', 'failure', 'unknow'] as const
const PROJECTS = [DEFAULT_PROJECT_ID, 'org-a', 'org-b']
const server = setupServer()

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

type Flat = Record<string, string | number | boolean>
type TaskInfo = { TaskId: string; Status: string; CreateTime: number }
type Answer = { RetCode: number; TotalCount: number; TaskList: TaskInfo[] }

const urlSeed = fc.record({
  url: fc.webUrl(),
  waitMs: fc.integer({ min: 0, max: 20_000 }),
  processMs: fc.integer({ min: 0, max: 20_000 }),
  outcome: fc.constantFrom('success' as const, 'failure' as const),
})
const taskSeeds = fc
  .array(
    fc.record({
      createdAt: fc.integer({ min: T0 - 3 * 86_400_000, max: T0 + 3_600_000 }),
      projectId: fc.constantFrom(...PROJECTS),
      isDcdn: fc.boolean(),
      urls: fc.array(urlSeed, { minLength: 1, maxLength: 4 }),
    }),
    { maxLength: 14 },
  )
  .map((seeds) => seeds.map((seed, i): PrefetchTaskSeed => ({ ...seed, taskId: `task-${i}` })))

const query = fc.record(
  {
    TaskId: fc.uniqueArray(fc.constantFrom(...Array.from({ length: 16 }, (_, i) => `task-${i}`)), {
      minLength: 1,
      maxLength: 5,
    }),
    window: fc.oneof(
      fc.record({ BeginTime: fc.integer({ min: 0, max: T0 / 1000 + 7_200 }) }),
      fc
        .tuple(fc.integer({ min: 0, max: T0 / 1000 + 7_200 }), fc.integer({ min: 0, max: 4 * 86_400 }))
        .map(([begin, span]) => ({ BeginTime: begin, EndTime: begin + span })),
    ),
    Status: fc.constantFrom(...STATUSES),
    ProjectId: fc.constantFrom(...PROJECTS),
    IsDcdn: fc.boolean(),
    Offset: fc.integer({ min: 0, max: 16 }),
    Limit: fc.integer({ min: 0, max: 16 }),
  },
  { requiredKeys: [] },
)
const encoding = fc.constantFrom('query' as const, 'form' as const, 'json' as const)

type Query = typeof query extends fc.Arbitrary<infer T> ? T : never

function flatten(q: Query): Flat {
  const { TaskId, window, ...rest } = q
  const flat: Flat = { Action: ACTION, ...window, ...rest }
  for (const [i, id] of (TaskId ?? []).entries()) flat[`TaskId.${i}`] = id
  return flat
}

async function ask(params: Flat, how: 'query' | 'form' | 'json'): Promise<Answer> {
  const signed = sign(params)
  const request =
    how === 'query' ? getRequest(signed) : how === 'form' ? formRequest(signed) : jsonRequest(signed)
  const response = await fetch(request)
  expect(response.status).toBe(200)
  expect(response.headers.get('x-ucloud-request-uuid')).toMatch(/^[0-9a-f-]{36}$/)
  const body: unknown = await response.json()
  const checked = responseSchema.safeParse(body)
  expect(checked.success, JSON.stringify(checked.error?.issues)).toBe(true)
  return body as Answer
}

/** An independent reading of the reference: which tasks a query selects, newest first. */
function expectedIds(seeds: readonly PrefetchTaskSeed[], params: Flat, now: number): string[] {
  const end = (params.EndTime as number | undefined) ?? Math.floor(now / 1000)
  const begin = (params.BeginTime as number | undefined) ?? end - 86_400
  const ids = Object.keys(params)
    .filter((k) => k.startsWith('TaskId.'))
    .map((k) => params[k])
  const statusOf = (seed: PrefetchTaskSeed) => {
    const urls = seed.urls.map((u) => {
      if (typeof u === 'string') throw new Error('seeds here always have plans')
      const elapsed = now - seed.createdAt!
      return elapsed < u.waitMs! ? 'wait' : elapsed < u.waitMs! + u.processMs! ? 'process' : u.outcome!
    })
    if (urls.includes('process')) return 'process'
    if (urls.includes('wait')) return 'wait'
    return urls.includes('failure') ? 'failure' : 'success'
  }
  return seeds
    .map((seed, i) => ({ seed, i }))
    .filter(({ seed }) => {
      const created = Math.floor(seed.createdAt! / 1000)
      return (
        created >= begin &&
        created <= end &&
        seed.projectId === (params.ProjectId ?? DEFAULT_PROJECT_ID) &&
        seed.isDcdn === (params.IsDcdn ?? false) &&
        (ids.length === 0 || ids.includes(seed.taskId!)) &&
        (params.Status === undefined || statusOf(seed) === params.Status)
      )
    })
    .sort((a, b) => b.seed.createdAt! - a.seed.createdAt! || b.i - a.i)
    .map(({ seed }) => seed.taskId!)
}

describe('every answer fits the spec', () => {
  it('valid queries: the schema holds, the selection is the reference’s, paging keeps its invariants', async () => {
    await fc.assert(
      fc.asyncProperty(
        taskSeeds,
        query,
        fc.integer({ min: 0, max: 60_000 }),
        encoding,
        async (seeds, q, elapsed, how) => {
          const clock = createManualClock(T0 + elapsed)
          server.resetHandlers(
            ...createUcdnHandlers({ backend: createPrefetchBackend({ clock, tasks: seeds }) }),
          )
          const params = flatten(q)
          const answer = await ask(params, how)
          expect(answer.RetCode).toBe(0)

          const { Offset: _o, Limit: _l, ...unpaged } = params
          const all = expectedIds(seeds, unpaged, clock.now())
          const offset = (params.Offset as number | undefined) ?? 0
          const limit = params.Limit as number | undefined
          expect(answer.TotalCount).toBe(all.length)
          expect(answer.TotalCount).toBeGreaterThanOrEqual(answer.TaskList.length)
          if (limit !== undefined) expect(answer.TaskList.length).toBeLessThanOrEqual(limit)
          expect(answer.TaskList.map((t) => t.TaskId)).toEqual(
            all.slice(offset, limit === undefined ? undefined : offset + limit),
          )

          // Pages of any size concatenate to the whole selection.
          const size = Math.max(1, limit ?? 3)
          const pages: string[] = []
          for (let at = 0; at < all.length; at += size) {
            const page = await ask({ ...unpaged, Offset: at, Limit: size }, how)
            expect(page.TotalCount).toBe(all.length)
            pages.push(...page.TaskList.map((t) => t.TaskId))
          }
          expect(pages).toEqual(all)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('any request at all, valid or not: the answer still validates, with a Message when RetCode is not 0', async () => {
    server.resetHandlers(...createUcdnHandlers())
    const name = fc.oneof(
      fc.constantFrom(
        'TaskId',
        'TaskId.0',
        'TaskId.1',
        'BeginTime',
        'EndTime',
        'Status',
        'Offset',
        'Limit',
        'IsDcdn',
      ),
      fc.constantFrom('ProjectId', 'Region', 'TaskId.x', 'TaskId.01'),
      fc.string({ minLength: 1, maxLength: 8 }),
    )
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer({ min: -5, max: 1e6 }).map(String),
      fc.constantFrom('true', 'false', '1.5', '', 'success', 'unknow'),
    )
    await fc.assert(
      fc.asyncProperty(fc.dictionary(name, value, { maxKeys: 6 }), encoding, async (extra, how) => {
        const params: Flat = Object.assign(Object.create(null), extra, { Action: ACTION })
        const answer = (await ask(params, how)) as Answer & { Message?: string }
        if (answer.RetCode !== 0) expect(answer.Message).toMatch(/\S/)
      }),
      { numRuns: 200 },
    )
  })
})
