// Long URLs wrap where a person would break them (after "/", ".", "?", "&", "=", "-", "_"), not wherever the
// column runs out: each such place gets a <wbr>. The text itself is unchanged (copying still gives the URL),
// and CSS `overflow-wrap: anywhere` remains the fallback for a segment longer than the column.

const BREAK_AFTER = /(?<=[/.?&=_-])(?!\/)/

/** The URL cut into the pieces between break opportunities ("https://a.b/c" → "https://", "a.", "b/", "c"). */
export function urlPieces(url: string): string[] {
  return url.split(BREAK_AFTER).filter((piece) => piece !== '')
}

/** Replaces `node`'s content with `url`, a <wbr> after every break opportunity. */
export function setBreakableUrl(node: Element, url: string): void {
  if (node.textContent === url && node.querySelector('wbr') !== null) return
  const doc = node.ownerDocument
  const parts: Node[] = []
  urlPieces(url).forEach((piece, index) => {
    if (index > 0) parts.push(doc.createElement('wbr'))
    parts.push(doc.createTextNode(piece))
  })
  node.replaceChildren(...parts)
}
