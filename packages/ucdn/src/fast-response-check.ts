// A single-pass check-and-map of the common case, for speed: zod's safeParse of a 100,000-URL answer costs about
// twice JSON.parse, and the generated FromJSON mapping half as much again. This accepts only what
// DescribeNewUcdnPrefetchCacheTaskResponseSchema accepts and builds what DescribeNewUcdnPrefetchCacheTaskResponseFromJSON
// builds (a property test holds it to both); on anything else it answers `undefined` and the caller asks zod,
// which stays the authority on what is valid and names the problem.
import type { DescribeNewUcdnPrefetchCacheTaskResponse, TaskInfo, UrlProgressInfo } from '@scloud/ucdn-client'

type Json = Record<string, unknown>

const RET_CODE_STRING = /^-?[0-9]+$/

/** The mapped answer when it is certainly valid, else `undefined` (not "invalid": "ask zod"). */
export function fastCheckAndMap(json: unknown): DescribeNewUcdnPrefetchCacheTaskResponse | undefined {
  if (!isObject(json)) return undefined
  const retCode = json.RetCode
  if (!(Number.isSafeInteger(retCode) || (typeof retCode === 'string' && RET_CODE_STRING.test(retCode)))) {
    return undefined
  }
  const action = json.Action
  const message = json.Message
  const totalCount = json.TotalCount
  const list = json.TaskList
  if (typeof action !== 'string') return undefined
  if (message !== undefined && typeof message !== 'string') return undefined
  if (totalCount !== undefined && !(Number.isSafeInteger(totalCount) && (totalCount as number) >= 0))
    return undefined
  let taskList: TaskInfo[] | undefined
  if (list !== undefined) {
    if (!Array.isArray(list)) return undefined
    taskList = new Array(list.length)
    for (let i = 0; i < list.length; i++) {
      const task = mapTask(list[i])
      if (task === undefined) return undefined
      taskList[i] = task
    }
  }
  return {
    retCode: retCode as number | string,
    action,
    message: message as string | undefined,
    totalCount: totalCount as number | undefined,
    taskList,
  }
}

function mapTask(value: unknown): TaskInfo | undefined {
  if (!isObject(value)) return undefined
  const taskId = value.TaskId
  const urls = value.UrlLists
  const createTime = value.CreateTime
  const status = value.Status
  if (taskId !== undefined && typeof taskId !== 'string') return undefined
  if (createTime !== undefined && !Number.isSafeInteger(createTime)) return undefined
  if (status !== undefined && typeof status !== 'string') return undefined
  let urlLists: UrlProgressInfo[] | undefined
  if (urls !== undefined) {
    if (!Array.isArray(urls)) return undefined
    urlLists = new Array(urls.length)
    for (let i = 0; i < urls.length; i++) {
      const url = mapUrl(urls[i])
      if (url === undefined) return undefined
      urlLists[i] = url
    }
  }
  return {
    taskId: taskId as string | undefined,
    urlLists,
    createTime: createTime as number | undefined,
    status: status as string | undefined,
  }
}

function mapUrl(value: unknown): UrlProgressInfo | undefined {
  if (!isObject(value)) return undefined
  const url = value.Url
  const createTime = value.CreateTime
  const finishTime = value.FinishTime
  const status = value.Status
  const progress = value.Progress
  if (url !== undefined && typeof url !== 'string') return undefined
  if (createTime !== undefined && !Number.isSafeInteger(createTime)) return undefined
  if (finishTime !== undefined && !Number.isSafeInteger(finishTime)) return undefined
  if (status !== undefined && typeof status !== 'string') return undefined
  if (progress !== undefined && !Number.isSafeInteger(progress)) return undefined
  return {
    url: url as string | undefined,
    createTime: createTime as number | undefined,
    finishTime: finishTime as number | undefined,
    status: status as string | undefined,
    progress: progress as number | undefined,
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
