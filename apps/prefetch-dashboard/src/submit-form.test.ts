// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DashboardElements } from './dom.js'
import { PrefetchSourceError } from './prefetch-source.js'
import { mountSubmitForm } from './submit-form.js'
import type { SubmitKind, SubmitRequest } from './submit-request.js'
import { loadPage } from './test-page.js'

let el: DashboardElements
let unmount: (() => void) | undefined
const sent: SubmitRequest[] = []
const followed: { kind: SubmitKind; taskIds: readonly string[] }[] = []
let answer: () => Promise<{ taskIds: string[] }>

beforeEach(() => {
  el = loadPage()
  sent.length = 0
  followed.length = 0
  answer = () => Promise.resolve({ taskIds: ['t-1'] })
  unmount = mountSubmitForm({
    elements: el,
    source: {
      submit: (request) => {
        sent.push(request)
        return answer()
      },
    },
    onSubmitted: (kind, taskIds) => followed.push({ kind, taskIds }),
  })
})
afterEach(() => unmount?.())

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
async function submit(urls: string, kind: SubmitKind = 'prefetch', type = 'file') {
  el.submitRefresh.checked = kind === 'refresh'
  el.submitPrefetch.checked = kind === 'prefetch'
  el.submitForm.dispatchEvent(new Event('change', { bubbles: true }))
  el.submitType.value = type
  el.submitUrls.value = urls
  el.submitForm.dispatchEvent(new Event('submit', { cancelable: true }))
  await settle()
}

describe('mountSubmitForm', () => {
  it('enables the refresh type only for a refresh', () => {
    expect(el.submitType.disabled).toBe(true)
    el.submitRefresh.checked = true
    el.submitForm.dispatchEvent(new Event('change', { bubbles: true }))
    expect(el.submitType.disabled).toBe(false)
  })

  it('submits the URLs, shows the new task ids as links and hands them on to be followed', async () => {
    await submit(
      'https://cdn.example.com/a.js\n\nhttps://cdn.example.com/b.css\r\nhttps://cdn.example.com/a.js',
    )
    expect(sent).toEqual([
      { kind: 'prefetch', urls: ['https://cdn.example.com/a.js', 'https://cdn.example.com/b.css'] },
    ])
    expect(el.submitResult.textContent).toBe(
      'Submitted 2 URLs for prefetch (1 repeated line left out): task t-1. Progress is shown below.',
    )
    expect(el.submitResult.querySelector('a')?.getAttribute('href')).toBe('#task=t-1')
    expect(followed).toEqual([{ kind: 'prefetch', taskIds: ['t-1'] }])
    expect(el.submitUrls.value).toBe('')
    expect(el.submitProblems.hidden).toBe(true)
  })

  it('sends a refresh with its type', async () => {
    await submit('https://cdn.example.com/img/', 'refresh', 'dir')
    expect(sent).toEqual([{ kind: 'refresh', type: 'dir', urls: ['https://cdn.example.com/img/'] }])
    expect(followed[0]?.kind).toBe('refresh')
  })

  it('names each bad line, marks the field invalid and sends nothing', async () => {
    await submit('https://cdn.example.com/img\nnot a url', 'refresh', 'dir')
    expect(sent).toEqual([])
    expect(el.submitProblems.hidden).toBe(false)
    expect(el.submitMessage.textContent).toBe('2 lines are not a URL the API accepts; nothing was submitted.')
    expect(Array.from(el.submitProblemList.children).map((li) => li.textContent)).toEqual([
      'Line 1: https://cdn.example.com/img — a directory refresh needs a URL ending in "/"',
      'Line 2: not a url — must start with http:// or https://',
    ])
    expect(el.submitUrls.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(el.submitUrls)
  })

  it('shows what the server refused, and which tasks were accepted when the outcome is unknown', async () => {
    const problems = [{ line: 1, url: 'https://other.example/a', problem: 'not a domain of this account' }]
    answer = () =>
      Promise.reject(
        new PrefetchSourceError('INVALID_SUBMIT', 'One line is refused.', undefined, { problems }),
      )
    await submit('https://other.example/a')
    expect(el.submitMessage.textContent).toBe('One line is refused.')
    expect(el.submitProblemList.textContent).toBe(
      'Line 1: https://other.example/a — not a domain of this account',
    )
    answer = () =>
      Promise.reject(
        new PrefetchSourceError('OUTCOME_UNKNOWN', 'No answer came; it may have been submitted.', undefined, {
          submittedTaskIds: ['t-0'],
        }),
      )
    await submit('https://cdn.example.com/a.js')
    expect(el.submitMessage.textContent).toBe(
      'No answer came; it may have been submitted. Accepted before that: t-0.',
    )
    expect(followed).toEqual([])
    expect(el.submitButton.disabled).toBe(false)
  })
})
