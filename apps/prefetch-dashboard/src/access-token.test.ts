import { describe, expect, it } from 'vitest'
import { takeAccessToken } from './access-token.js'

function places(search: string) {
  const stored = new Map<string, string>()
  const written: string[] = []
  return {
    written,
    places: {
      location: { pathname: '/', search, hash: '#task=a' },
      history: {
        replaceState: (_d: unknown, _u: string, url?: string | URL | null) => written.push(String(url)),
      },
      storage: {
        getItem: (k: string) => stored.get(k) ?? null,
        setItem: (k: string, v: string) => stored.set(k, v),
      },
    },
  }
}

describe('takeAccessToken', () => {
  it('keeps the token for the session and takes it out of the address', () => {
    const { places: p, written } = places('?mode=live&token=s3cret')
    expect(takeAccessToken(p)).toBe('s3cret')
    expect(written).toEqual(['/?mode=live#task=a'])
    // A later load of the cleaned address still has it.
    expect(takeAccessToken({ ...p, location: { ...p.location, search: '?mode=live' } })).toBe('s3cret')
  })

  it('has none when none was given, and leaves the address alone', () => {
    const { places: p, written } = places('?mode=live')
    expect(takeAccessToken(p)).toBeUndefined()
    expect(written).toEqual([])
  })
})
