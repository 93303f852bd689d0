// @vitest-environment happy-dom
import { summarizePrefetchTasks, type TaskInfo } from '@scloud/ucdn'
import { afterEach, describe, expect, it } from 'vitest'
import { type Dashboard, mountDashboard } from './dashboard.js'
import { type DashboardElements, rowsOf } from './dom.js'
import type { PollerEnvironment } from './poller.js'
import { type PrefetchFilters, type PrefetchSource, PrefetchSourceError } from './prefetch-source.js'
import { formatTimeForTests, loadPage } from './test-page.js'

const NOW_MS = 1_767_225_600_000
const NOW = NOW_MS / 1000

const tasks: TaskInfo[] = [
  {
    taskId: 'one',
    createTime: NOW - 60,
    status: 'process',
    urlLists: [{ url: 'u1', status: 'process', progress: 30 }],
  },
  {
    taskId: 'two',
    createTime: NOW - 30,
    status: 'success',
    urlLists: [{ url: 'u2', status: 'success', progress: 100 }],
  },
]

/** A source that answers from a script of results and records what it was asked. */
function fakeSource(answer: (filters: PrefetchFilters) => TaskInfo[] | Error = () => tasks) {
  const asked: PrefetchFilters[] = []
  const kinds: (string | undefined)[] = []
  const source: PrefetchSource = {
    mode: 'demo',
    description: 'Fake source for tests.',
    submit: () => Promise.reject(new Error('not used here')),
    async list(filters, options) {
      asked.push(filters)
      kinds.push(options?.kind)
      const result = answer(filters)
      if (result instanceof Error) throw result
      return { tasks: result, summary: summarizePrefetchTasks(result), totalCount: result.length }
    },
  }
  return { source, asked, kinds }
}

// Timers never fire by themselves (a test polls by calling refresh()); they are counted.
let timersSet = 0
const idleEnvironment: PollerEnvironment = {
  setTimeout: () => ++timersSet,
  clearTimeout: () => {},
  isHidden: () => false,
  onVisibilityChange: () => () => {},
}

let dashboard: Dashboard | undefined
afterEach(() => dashboard?.stop())

function mount(source: PrefetchSource, hash = '', search = '') {
  const el = loadPage()
  const location = { pathname: '/', hash, search }
  const written: string[] = []
  // Like the browser's: replaceState changes the address the page reads.
  const history = {
    replaceState(_data: unknown, _unused: string, url?: string | URL | null) {
      const next = new URL(String(url), 'http://page.test')
      written.push(`${next.pathname}${next.search}${next.hash}`)
      location.search = next.search
      location.hash = next.hash
    },
  }
  const events = new EventTarget()
  dashboard = mountDashboard({
    source,
    elements: el,
    location,
    history,
    events,
    pollerEnvironment: idleEnvironment,
    now: () => NOW_MS,
    formatTime: formatTimeForTests,
  })
  return { el, location, events, written }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const change = (el: DashboardElements, control: HTMLSelectElement | HTMLInputElement, value: string) => {
  control.value = value
  control.dispatchEvent(new Event('change', { bubbles: true }))
  return el
}

describe('mountDashboard', () => {
  it('fills the filters, says where data comes from, and lists the last 24 hours at once', async () => {
    const { source, asked } = fakeSource()
    const { el } = mount(source)
    await settle()
    expect(Array.from(el.statusFilter.options).map((o) => o.textContent)).toEqual([
      'All statuses',
      'In progress',
      'Queued',
      'Done',
      'Failed',
      'Unknown',
    ])
    expect(el.windowFilter.value).toBe('24h')
    expect(el.modeNote.textContent).toBe('Fake source for tests.')
    expect(asked).toEqual([{ status: undefined, since: NOW - 86_400, until: NOW }])
    expect(rowsOf(el.taskRows).map((r) => r.dataset.taskId)).toEqual(['two', 'one'])
    expect(el.summary.textContent).toBe(
      '2 prefetch tasks: 1 done, 1 prefetching. 1 of 2 URLs finished, 65 % overall.',
    )
    expect(el.notice.hidden).toBe(true)
    expect(el.updated.textContent).toMatch(/^Updated t1767225600; refreshes every 1.5 s/)
    expect(el.error.hidden).toBe(true)
  })

  it('asks again with the new status and window when a filter changes', async () => {
    const { source, asked } = fakeSource()
    const { el } = mount(source)
    await settle()
    change(el, el.statusFilter, 'failure')
    await settle()
    change(el, el.windowFilter, '1h')
    await settle()
    expect(asked.slice(1)).toEqual([
      { status: 'failure', since: NOW - 86_400, until: NOW },
      { status: 'failure', since: NOW - 3_600, until: NOW },
    ])
  })

  it('opens the custom window an hour back and refuses a window that ends before it starts', async () => {
    const { source, asked } = fakeSource()
    const { el } = mount(source)
    await settle()
    change(el, el.windowFilter, 'custom')
    await settle()
    expect(el.customWindow.hidden).toBe(false)
    expect(asked.at(-1)).toEqual({ status: undefined, since: NOW - 3_600, until: NOW })

    const count = asked.length
    change(el, el.windowUntil, '2000-01-01T00:00')
    await settle()
    expect(asked).toHaveLength(count) // nothing asked for an impossible window
    expect(el.error.hidden).toBe(false)
    expect(el.error.textContent).toBe('The custom window must start before it ends.')

    change(el, el.windowFilter, '6h')
    await settle()
    expect(el.customWindow.hidden).toBe(true)
    expect(el.error.hidden).toBe(true)
  })

  it('shows the URL view of the task named in the fragment, and follows the fragment', async () => {
    const { source } = fakeSource()
    const { el, location, events } = mount(source, '#task=one')
    await settle()
    expect(el.detail.hidden).toBe(false)
    expect(el.detailHeading.textContent).toBe('URLs of task one')
    location.hash = '#task=two'
    events.dispatchEvent(new Event('hashchange'))
    expect(el.detailHeading.textContent).toBe('URLs of task two')
    expect(document.activeElement).toBe(el.detailHeading)
    location.hash = ''
    events.dispatchEvent(new Event('hashchange'))
    expect(el.detail.hidden).toBe(true)
  })

  it('keeps the last listing and shows the error, with its request id, when a poll fails', async () => {
    let fail = false
    const { source } = fakeSource(() =>
      fail ? new PrefetchSourceError('API_ERROR', 'The API is unavailable', 'req-42') : tasks,
    )
    const { el } = mount(source)
    await settle()
    fail = true
    dashboard?.refresh()
    await settle()
    expect(el.error.hidden).toBe(false)
    expect(el.error.textContent).toBe(
      'Could not load prefetch tasks: The API is unavailable. (Request id req-42.) Trying again every 1.5 s.',
    )
    expect(rowsOf(el.taskRows)).toHaveLength(2)
    fail = false
    dashboard?.refresh()
    await settle()
    expect(el.error.hidden).toBe(true)
  })

  it('ends its windows at the source’s own clock when it has one (the demo’s faster fake API)', async () => {
    const { source, asked } = fakeSource()
    const el = loadPage()
    dashboard = mountDashboard({
      source: { ...source, now: () => NOW_MS + 600_000 },
      elements: el,
      location: { pathname: '/', hash: '', search: '' },
      history: { replaceState() {} },
      events: new EventTarget(),
      pollerEnvironment: idleEnvironment,
      formatTime: formatTimeForTests,
    })
    await settle()
    expect(asked).toEqual([{ status: undefined, since: NOW + 600 - 86_400, until: NOW + 600 }])
  })

  it('restores the filters and the selected task from the address', async () => {
    const { source, asked } = fakeSource()
    const { el } = mount(source, '#task=one', '?mode=demo&status=process&window=1h')
    await settle()
    expect(el.statusFilter.value).toBe('process')
    expect(el.windowFilter.value).toBe('1h')
    expect(asked).toEqual([{ status: 'process', since: NOW - 3_600, until: NOW }])
    expect(el.detailHeading.textContent).toBe('URLs of task one')
  })

  it('restores a custom window given in Unix seconds', async () => {
    const { source, asked } = fakeSource()
    const { el } = mount(source, '', `?window=custom&since=${NOW - 7_200}&until=${NOW - 3_600}`)
    await settle()
    expect(el.customWindow.hidden).toBe(false)
    expect(asked).toEqual([{ status: undefined, since: NOW - 7_200, until: NOW - 3_600 }])
  })

  it('writes changed filters into the address, keeping the mode and the selected task', async () => {
    const { source } = fakeSource()
    const { el, written } = mount(source, '#task=one', '?mode=demo')
    await settle()
    change(el, el.statusFilter, 'failure')
    change(el, el.windowFilter, '6h')
    expect(written).toEqual([
      '/?mode=demo&status=failure#task=one',
      '/?mode=demo&status=failure&window=6h#task=one',
    ])
    change(el, el.statusFilter, '')
    change(el, el.windowFilter, '24h')
    expect(written.at(-1)).toBe('/?mode=demo#task=one')
  })

  it('names what it could not use in the address and shows the default view', async () => {
    const { source, asked } = fakeSource()
    const { el } = mount(source, '', '?status=done')
    await settle()
    expect(el.notice.hidden).toBe(false)
    expect(el.notice.textContent).toContain(
      'status=done (use one of success, wait, process, failure, unknow)',
    )
    expect(asked).toEqual([{ status: undefined, since: NOW - 86_400, until: NOW }])
  })

  it('stops polling once every task shown has finished, says so, and Refresh resumes', async () => {
    const finished: TaskInfo[] = [tasks[1]!]
    let answer = finished
    const { source, asked } = fakeSource(() => answer)
    const { el } = mount(source)
    timersSet = 0
    await settle()
    expect(timersSet).toBe(0) // no next poll scheduled
    expect(el.updated.textContent).toMatch(/updates are paused: press Refresh to check again\.$/)
    answer = tasks
    el.refreshButton.click()
    await settle()
    expect(asked).toHaveLength(2)
    expect(timersSet).toBe(1) // a task is moving again: polling resumed
    expect(el.updated.textContent).toMatch(/refreshes every 1.5 s/)
  })

  it('pauses on an empty view too, saying there is nothing to follow', async () => {
    const { source } = fakeSource(() => [])
    const { el } = mount(source)
    timersSet = 0
    await settle()
    expect(timersSet).toBe(0)
    expect(el.updated.textContent).toMatch(/No task to follow, so updates are paused/)
  })

  it('announces politely only when a task changes state, not on every poll', async () => {
    let answer = tasks
    const { source } = fakeSource(() => answer)
    const { el } = mount(source)
    expect(el.announcer.getAttribute('aria-live')).toBe('polite')
    expect(el.summary.getAttribute('role')).toBeNull()
    expect(el.summary.getAttribute('aria-live')).toBeNull()
    await settle()
    expect(el.announcer.textContent).toBe(el.summary.textContent) // the fresh listing, read once
    const first = el.announcer.textContent
    answer = [{ ...tasks[0]!, urlLists: [{ url: 'u1', status: 'process', progress: 60 }] }, tasks[1]!]
    dashboard?.refresh()
    await settle()
    expect(el.announcer.textContent).toBe(first) // progress moved, no state changed: nothing new said
    answer = [{ ...tasks[0]!, status: 'success', urlLists: [{ url: 'u1', status: 'success' }] }, tasks[1]!]
    dashboard?.refresh()
    await settle()
    expect(el.announcer.textContent).toBe(
      'Task one done. All finished. 2 prefetch tasks: 2 done. 2 of 2 URLs finished. All finished.',
    )
  })

  it('lists refresh tasks when asked to, from the address or the switch, and says so', async () => {
    const { source, kinds } = fakeSource()
    const { el, written } = mount(source, '', '?tasks=refresh')
    await settle()
    expect(el.kindRefresh.checked).toBe(true)
    expect(kinds).toEqual(['refresh'])
    expect(el.taskCaption.textContent).toMatch(/^Refresh tasks, newest first/)
    expect(el.typeHeader.hidden).toBe(false)
    expect(el.summary.textContent).toMatch(/^2 refresh tasks: 1 done, 1 refreshing\./)
    el.kindPrefetch.checked = true
    el.kindPrefetch.dispatchEvent(new Event('change', { bubbles: true }))
    await settle()
    expect(kinds.at(-1)).toBe('prefetch')
    expect(written.at(-1)).toBe('/')
    expect(el.typeHeader.hidden).toBe(true)
  })

  it('follows newly submitted tasks: their kind, every status, polling again', async () => {
    const { source, asked, kinds } = fakeSource(() => [tasks[1]!])
    const { el } = mount(source, '', '?status=success')
    await settle()
    expect(el.updated.textContent).toMatch(/paused/)
    dashboard?.follow('refresh')
    await settle()
    expect(kinds.at(-1)).toBe('refresh')
    expect(asked.at(-1)?.status).toBeUndefined()
    expect(el.statusFilter.value).toBe('')
    expect(el.kindRefresh.checked).toBe(true)
  })
})
