// The selected task lives in the URL's fragment (#task=ID): links work without script, Back closes the URL
// list, and a link to one task can be shared.

/** The fragment that selects `taskId`. */
export function taskHash(taskId: string): string {
  return `#${new URLSearchParams({ task: taskId })}`
}

/** The task id a fragment selects, or undefined. */
export function taskIdFromHash(hash: string): string | undefined {
  const taskId = new URLSearchParams(hash.replace(/^#/, '')).get('task')
  return taskId === null || taskId === '' ? undefined : taskId
}
