// The form that starts a prefetch or a refresh. URLs are checked line by line before anything is sent (the
// same check the BFF makes), each bad line named with its number; after a submit the new task ids are shown as
// links and the task list switches to that kind of task and follows them until they finish.

import type { RefreshType } from './cache-actions.js'
import type { DashboardElements } from './dom.js'
import { setText } from './dom.js'
import { plural } from './format.js'
import type { PrefetchSource } from './prefetch-source.js'
import { checkUrls, type SubmitKind, type SubmitRequest, type UrlProblem } from './submit-request.js'
import { taskHash } from './task-hash.js'

export type SubmitFormOptions = {
  readonly elements: DashboardElements
  readonly source: Pick<PrefetchSource, 'submit'>
  /** Called with the new task ids after a submit was accepted. */
  readonly onSubmitted: (kind: SubmitKind, taskIds: readonly string[]) => void
}

/** Wires the submit form; returns the function that unwires it. */
export function mountSubmitForm(options: SubmitFormOptions): () => void {
  const { elements: el, source } = options
  let busy = false

  const kindOf = (): SubmitKind => (el.submitRefresh.checked ? 'refresh' : 'prefetch')
  const onActionChange = () => {
    el.submitType.disabled = kindOf() !== 'refresh'
  }
  const showProblems = (message: string | undefined, problems: readonly UrlProblem[] = []) => {
    el.submitProblems.hidden = message === undefined
    setText(el.submitMessage, message ?? '')
    el.submitProblemList.replaceChildren(
      ...problems.map((p) => {
        const item = el.submitProblemList.ownerDocument.createElement('li')
        item.textContent = `Line ${p.line}: ${p.url} — ${p.problem}`
        return item
      }),
    )
    if (problems.length > 0) el.submitUrls.setAttribute('aria-invalid', 'true')
    else el.submitUrls.removeAttribute('aria-invalid')
  }

  const onSubmit = async (event: Event) => {
    event.preventDefault()
    if (busy) return
    const kind = kindOf()
    const type = el.submitType.value as RefreshType
    const checked = checkUrls(el.submitUrls.value.split(/\r?\n/), kind, type)
    if (!checked.ok) {
      showProblems(checked.message, checked.problems)
      el.submitUrls.focus()
      return
    }
    const request: SubmitRequest =
      kind === 'refresh' ? { kind, type, urls: checked.urls } : { kind, urls: checked.urls }
    busy = true
    el.submitButton.disabled = true
    setText(el.submitButton, 'Submitting…')
    showProblems(undefined)
    setText(el.submitResult, '')
    try {
      const { taskIds } = await source.submit(request)
      showResult(el, kind, checked.urls.length, checked.duplicates, taskIds)
      el.submitUrls.value = ''
      options.onSubmitted(kind, taskIds)
    } catch (error) {
      const failure = error as {
        message?: unknown
        problems?: readonly UrlProblem[]
        submittedTaskIds?: readonly string[]
      }
      const message = typeof failure.message === 'string' ? failure.message : 'The submit failed.'
      const accepted = failure.submittedTaskIds ?? []
      showProblems(
        accepted.length > 0 ? `${message} Accepted before that: ${accepted.join(', ')}.` : message,
        failure.problems ?? [],
      )
    } finally {
      busy = false
      el.submitButton.disabled = false
      setText(el.submitButton, 'Submit')
    }
  }

  el.submitForm.addEventListener('change', onActionChange)
  el.submitForm.addEventListener('submit', onSubmit)
  onActionChange()
  return () => {
    el.submitForm.removeEventListener('change', onActionChange)
    el.submitForm.removeEventListener('submit', onSubmit)
  }
}

/** "Submitted 2 URLs for prefetch: task t1. Its progress is shown below." with each id a link to its URLs. */
function showResult(
  el: DashboardElements,
  kind: SubmitKind,
  count: number,
  duplicates: number,
  taskIds: readonly string[],
): void {
  const doc = el.submitResult.ownerDocument
  const links = taskIds.flatMap((id, index) => {
    const link = doc.createElement('a')
    link.href = taskHash(id)
    link.textContent = id
    return index === 0 ? [link] : [', ', link]
  })
  const repeated = duplicates > 0 ? ` (${plural(duplicates, 'repeated line')} left out)` : ''
  el.submitResult.replaceChildren(
    `Submitted ${plural(count, 'URL')} for ${kind}${repeated}: ${taskIds.length === 1 ? 'task' : 'tasks'} `,
    ...links,
    '. Progress is shown below.',
  )
}
