// Test support (not shipped: nothing imports it but tests): index.html's body in the current DOM, so the
// rendering tests run against the page's real markup.
import indexHtml from '../index.html?raw'
import { type DashboardElements, queryDashboardElements } from './dom.js'

/** Replaces the document's body with index.html's (scripts are not run) and finds the dashboard's elements. */
export function loadPage(): DashboardElements {
  const page = new DOMParser().parseFromString(indexHtml, 'text/html')
  document.body.innerHTML = page.body.innerHTML
  return queryDashboardElements(document)
}

/** Unix seconds → a fixed string, so tests do not depend on the machine's locale or zone. */
export const formatTimeForTests = (unixSeconds: number): string => `t${unixSeconds}`
