// Deterministic response bodies: the same bytes for every candidate of a figure.

export const ACTION = 'DescribeNewUcdnPrefetchCacheTask'
const STATUSES = ['success', 'success', 'success', 'process', 'wait', 'failure']
const BASE_TIME = 1_780_000_000

/** One task as the API sends it (PascalCase wire names). */
export function wireTask(i, urlsPerTask) {
  const created = BASE_TIME + i * 7
  const urls = []
  for (let u = 0; u < urlsPerTask; u++) {
    const status = STATUSES[(i + u) % STATUSES.length]
    urls.push({
      Url: `https://static.example.com/assets/build-${i % 97}/chunk-${i}-${u}.${u % 3 === 0 ? 'css' : 'js'}`,
      CreateTime: created,
      FinishTime: status === 'success' ? created + 30 + (u % 11) : 0,
      Status: status,
      Progress: status === 'success' ? 100 : status === 'process' ? 40 + (u % 50) : 0,
    })
  }
  return {
    TaskId: `pf-${(0x5f3759df + i * 2654435761).toString(36).slice(-10)}`,
    UrlLists: urls,
    CreateTime: created,
    Status: urls.every((x) => x.Status === 'success') ? 'success' : 'process',
  }
}

export function wireResponse(tasks, totalCount = tasks.length) {
  return { Action: `${ACTION}Response`, RetCode: 0, TotalCount: totalCount, TaskList: tasks }
}

/** The realistic small answer of the overhead figure: one task with three URLs (~600 bytes). */
export function oneTaskBody() {
  return JSON.stringify(wireResponse([wireTask(1, 3)]))
}

/** The large answer: `tasks` × `urlsPerTask` URL entries. */
export function largeBody(tasks = 2000, urlsPerTask = 50) {
  const list = []
  for (let i = 0; i < tasks; i++) list.push(wireTask(i, urlsPerTask))
  return JSON.stringify(wireResponse(list))
}
