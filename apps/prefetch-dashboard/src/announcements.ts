// What the polite live region says. Screen readers should hear about changes of state (a task finished, a
// task appeared, everything is done), not a progress figure every 1.5 s: the summary line itself is not live.
import type { TaskInfo } from '@scloud/ucdn'
import { describeStatus } from './status.js'

/** Each task's status at the last announcement, by task id. */
export type TaskStates = ReadonlyMap<string, string>

/** At most this many tasks are named in one announcement; more are counted. */
export const MAX_NAMED = 3

export function taskStates(tasks: readonly TaskInfo[]): TaskStates {
  return new Map(tasks.map((task) => [task.taskId ?? '', task.status ?? '']))
}

/**
 * The sentence to announce after a poll, or undefined when nothing changed state. `previous` undefined means
 * a fresh listing (page load, new filters): then the summary line is read once. `allFinished` is said only
 * when it becomes true.
 */
export function announcement(
  previous: TaskStates | undefined,
  tasks: readonly TaskInfo[],
  summary: { readonly text: string; readonly allFinished: boolean; readonly wasAllFinished: boolean },
): string | undefined {
  if (previous === undefined) return summary.text
  const changes: string[] = []
  for (const task of tasks) {
    const id = task.taskId ?? ''
    const status = task.status ?? ''
    const before = previous.get(id)
    const word = describeStatus(status).label.toLowerCase()
    if (before === undefined) changes.push(`new task ${id}: ${word}`)
    else if (before !== status) changes.push(`task ${id} ${word}`)
  }
  const parts: string[] = []
  if (changes.length > 0) {
    const named = changes.slice(0, MAX_NAMED)
    const more = changes.length - named.length
    parts.push(`${capitalize(named.join('; '))}${more > 0 ? `; and ${more} more changed` : ''}.`)
  }
  if (summary.allFinished && !summary.wasAllFinished) parts.push(`All finished. ${summary.text}`)
  return parts.length > 0 ? parts.join(' ') : undefined
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
