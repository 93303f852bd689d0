import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { Configuration, PrefetchApi, ResponseError } from '../src/index.js'
import { DescribeNewUcdnPrefetchCacheTaskResponseSchema } from '../src/schemas.js'

const spec = parse(
  readFileSync(fileURLToPath(new URL('../../../openapi/ucdn.yaml', import.meta.url)), 'utf8'),
)
const referenceAnswer = spec.components.examples.DescribeNewUcdnPrefetchCacheTaskResponseExample.value

function apiAnswering(body: unknown, status = 200) {
  const seen: { url: string; init: RequestInit }[] = []
  const fetchApi = async (url: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: String(url), init: init ?? {} })
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
  }
  return { api: new PrefetchApi(new Configuration({ fetchApi })), seen }
}

describe('generated client with the reference example answer', () => {
  it('maps every field of every task and URL to typed camelCase objects', async () => {
    const { api } = apiAnswering(referenceAnswer)
    const page = await api.describeNewUcdnPrefetchCacheTask({
      describeNewUcdnPrefetchCacheTaskRequest: { action: 'DescribeNewUcdnPrefetchCacheTask' },
    })
    expect(page.retCode).toBe(0)
    expect(page.action).toBe('DescribeNewUcdnPrefetchCacheTaskResponse')
    expect(page.totalCount).toBe(4)
    expect(page.taskList).toHaveLength(referenceAnswer.TaskList.length)
    page.taskList!.forEach((task, i) => {
      const wire = referenceAnswer.TaskList[i]
      expect(task).toEqual({
        taskId: wire.TaskId,
        createTime: wire.CreateTime,
        status: wire.Status,
        urlLists: wire.UrlLists.map((u: Record<string, unknown>) => ({
          url: u.Url,
          createTime: u.CreateTime,
          finishTime: u.FinishTime,
          status: u.Status,
          progress: u.Progress,
        })),
      })
    })
  })

  it('keeps statuses outside the documented set and ignores unknown fields', async () => {
    const { api } = apiAnswering(referenceAnswer)
    const page = await api.describeNewUcdnPrefetchCacheTask({
      describeNewUcdnPrefetchCacheTaskRequest: { action: 'DescribeNewUcdnPrefetchCacheTask' },
    })
    expect(page.taskList![0]!.status).toBe('ySoPLGgE')
    expect(page.taskList![0]!.urlLists![0]!.status).toBe('pmUWBVxw')
    expect(page).not.toHaveProperty('test')
    expect(DescribeNewUcdnPrefetchCacheTaskResponseSchema.safeParse(referenceAnswer).success).toBe(true)
  })

  it('sends the request body as JSON with the wire names, to the single endpoint', async () => {
    const { api, seen } = apiAnswering({ RetCode: 0, Action: 'DescribeNewUcdnPrefetchCacheTaskResponse' })
    await api.describeNewUcdnPrefetchCacheTask({
      describeNewUcdnPrefetchCacheTaskRequest: {
        action: 'DescribeNewUcdnPrefetchCacheTask',
        taskId: ['a', 'b'],
        beginTime: 1,
        isDcdn: false,
      },
    })
    expect(seen[0]!.init.method).toBe('POST')
    expect(new URL(seen[0]!.url).pathname).toBe('/')
    expect(JSON.parse(String(seen[0]!.init.body))).toEqual({
      Action: 'DescribeNewUcdnPrefetchCacheTask',
      TaskId: ['a', 'b'],
      BeginTime: 1,
      IsDcdn: false,
    })
  })

  it('raises ResponseError for a non-2xx HTTP status', async () => {
    const { api } = apiAnswering({ message: 'bad gateway' }, 502)
    await expect(
      api.describeNewUcdnPrefetchCacheTask({
        describeNewUcdnPrefetchCacheTaskRequest: { action: 'DescribeNewUcdnPrefetchCacheTask' },
      }),
    ).rejects.toBeInstanceOf(ResponseError)
  })
})

describe('generated zod schemas', () => {
  it('accept RetCode as a numeric string and reject a non-numeric one', () => {
    const ok = DescribeNewUcdnPrefetchCacheTaskResponseSchema.safeParse({ RetCode: '153', Action: 'X' })
    expect(ok.success).toBe(true)
    const bad = DescribeNewUcdnPrefetchCacheTaskResponseSchema.safeParse({ RetCode: 'oops', Action: 'X' })
    expect(bad.success).toBe(false)
  })

  it('reject a wrong shape: TaskList that is not an array', () => {
    const r = DescribeNewUcdnPrefetchCacheTaskResponseSchema.safeParse({
      RetCode: 0,
      Action: 'X',
      TaskList: {},
    })
    expect(r.success).toBe(false)
  })
})
