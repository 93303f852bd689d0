/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { type LoadedTaskSeed, taskSeedsFromTaskList } from '../backend/task-list-seeds.js'

/** The task seeds in a JSON file (see `taskSeedsFromTaskList`), or a one-line problem naming the file. */
export function readTaskFile(
  path: string,
  now: number,
):
  | { readonly ok: true; readonly seeds: LoadedTaskSeed[] }
  | { readonly ok: false; readonly problem: string } {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { ok: false, problem: `cannot read ${path}${code ? ` (${code})` : ''}` }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { ok: false, problem: `${path} is not JSON: ${(error as Error).message}` }
  }
  const loaded = taskSeedsFromTaskList(json, now)
  return loaded.ok ? loaded : { ok: false, problem: `${path}: ${loaded.problem}` }
}
