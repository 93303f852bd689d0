// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { messageRow, placeRows, queryDashboardElements, rowsOf } from './dom.js'
import { loadPage } from './test-page.js'

describe('queryDashboardElements', () => {
  it('finds every element it needs in index.html', () => {
    const elements = loadPage()
    expect(Object.values(elements).every((node) => node instanceof HTMLElement)).toBe(true)
  })

  it('names the element that is missing or of the wrong kind', () => {
    loadPage()
    document.getElementById('summary')?.remove()
    expect(() => queryDashboardElements(document)).toThrow('The page has no <p id="summary">')
  })
})

describe('placeRows', () => {
  it('orders rows, removes the others and leaves rows already in place untouched', () => {
    const body = document.createElement('tbody')
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((text) =>
      messageRow(document, 1, text),
    ) as HTMLTableRowElement[]
    body.append(a!, b!, c!)
    const inserted: Node[] = []
    const insertBefore = body.insertBefore.bind(body)
    body.insertBefore = <T extends Node>(node: T, child: Node | null): T => {
      inserted.push(node)
      return insertBefore(node, child)
    }
    placeRows(body, [a!, c!, d!])
    expect(rowsOf(body).map((r) => r.textContent)).toEqual(['a', 'c', 'd'])
    expect(inserted).toEqual([d]) // a and c were already in order: not moved
    placeRows(body, [c!, a!])
    expect(rowsOf(body).map((r) => r.textContent)).toEqual(['c', 'a'])
  })
})
