// Test support (not shipped: nothing imports it but tests): index.html's body in the current DOM, so the
// rendering tests run against the page's real markup.
import indexHtml from '../index.html?raw'
import { type DashboardElements, queryDashboardElements } from './dom.js'

/** Replaces the document's body with index.html's (its head, with the script and stylesheet, is left out). */
export function loadPage(): DashboardElements {
  const body = /<body>([\s\S]*)<\/body>/.exec(indexHtml)?.[1]
  if (body === undefined) throw new Error('index.html has no <body>.')
  document.body.innerHTML = body
  return queryDashboardElements(document)
}

/** Unix seconds → a fixed string, so tests do not depend on the machine's locale or zone. */
export const formatTimeForTests = (unixSeconds: number): string => `t${unixSeconds}`
