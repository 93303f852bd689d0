// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { setBreakableUrl, urlPieces } from './breakable-url.js'

describe('urlPieces', () => {
  it('breaks after slashes, dots and query punctuation, never between the two slashes of the scheme', () => {
    expect(urlPieces('https://cdn.example.com/docs/removed-page.html?v=2&x')).toEqual([
      'https://',
      'cdn.',
      'example.',
      'com/',
      'docs/',
      'removed-',
      'page.',
      'html?',
      'v=',
      '2&',
      'x',
    ])
  })

  it('keeps a URL without punctuation whole', () => {
    expect(urlPieces('abcdef')).toEqual(['abcdef'])
    expect(urlPieces('')).toEqual([])
  })
})

describe('setBreakableUrl', () => {
  it('puts a <wbr> at each break opportunity and keeps the text as it was', () => {
    const cell = document.createElement('th')
    setBreakableUrl(cell, 'https://cdn.example.com/a.js')
    expect(cell.textContent).toBe('https://cdn.example.com/a.js')
    expect(cell.querySelectorAll('wbr')).toHaveLength(5)
    expect(cell.innerHTML).toBe('https://<wbr>cdn.<wbr>example.<wbr>com/<wbr>a.<wbr>js')
  })
})
