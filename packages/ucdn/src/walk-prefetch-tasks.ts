// The Offset/Limit walk behind paginatePrefetchTasks, loaded on first use. It imports nothing that validates
// (the arguments were checked before it was loaded, paginate-prefetch-tasks.ts) and no runtime code the start
// needs too: what it shares comes in `walk.internals` (see LazyKit in internals.ts).
import { paginateByOffset } from './paginate.js'
import type { CheckedWalk } from './paginate-prefetch-tasks.js'
import type { PrefetchTaskPage } from './parse-response.js'

/** The pages of a checked walk, in order, without repeating a task the walk already yielded. */
export function walkPrefetchTasks(walk: CheckedWalk): AsyncGenerator<PrefetchTaskPage, void, undefined> {
  const { request } = walk
  const { internals } = walk
  const yielded = new Set<string>()
  return paginateByOffset(
    async (offset, limit, signal) => {
      const { page, totalCountReported } = await internals.send({ ...request, offset, limit }, signal)
      return {
        page,
        itemCount: page.taskList.length,
        totalCount: totalCountReported ? page.totalCount : undefined,
      }
    },
    {
      startOffset: request.offset ?? 0,
      pageSize: walk.pageSize,
      concurrency: walk.concurrency,
      maxPages: walk.maxPages,
      signal: walk.signal,
      dedupe: (page) => {
        const taskList = page.taskList.filter(
          (task) =>
            task.taskId === undefined ||
            (!yielded.has(task.taskId) && yielded.add(task.taskId) !== undefined),
        )
        return {
          page: taskList.length === page.taskList.length ? page : { ...page, taskList },
          fresh: taskList.length,
        }
      },
    },
  )
}
