// The BFF's access token (when it listens beyond loopback) arrives once in the address its start-up line
// prints (?token=…). The page keeps it for this tab's session only and takes it out of the address at once,
// so it is not bookmarked, shared with a link, or left in the history.

const KEY = 'prefetch-dashboard-token'

export type TokenPlaces = {
  readonly location: { readonly pathname: string; readonly search: string; readonly hash: string }
  readonly history: Pick<History, 'replaceState'>
  readonly storage: Pick<Storage, 'getItem' | 'setItem'>
}

/** The token from the address (then stored and removed from it), else the one stored for this tab. */
export function takeAccessToken({ location, history, storage }: TokenPlaces): string | undefined {
  const query = new URLSearchParams(location.search)
  const fromAddress = query.get('token')
  if (fromAddress !== null) {
    query.delete('token')
    const search = query.toString()
    history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`)
    if (fromAddress !== '') storage.setItem(KEY, fromAddress)
  }
  return storage.getItem(KEY) ?? undefined
}
