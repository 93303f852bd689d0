import { describe, expect, it } from 'vitest'
import { pickSharedProfile, profileCount } from './shared-file.js'

const FORMAT = { entries: '{ "profile", "x" }' }
const fail = (problem: string) => new Error(`FILE ${problem}`)
const pick = (text: string, profile = 'prod', format = FORMAT) =>
  pickSharedProfile(text, profile, format, fail)

describe('pickSharedProfile', () => {
  it('picks the entry of the profile and counts the entries; a BOM is fine', () => {
    const text = '\uFEFF[{"profile":"default","x":1},{"profile":"prod","x":2}]'
    expect(pick(text)).toEqual({ entry: { profile: 'prod', x: 2 }, count: 2 })
    expect(pick(text, 'staging')).toEqual({ entry: undefined, count: 2 })
  })

  it.each([
    ['not JSON (without quoting it)', '[{"profile": "SECRET-VALUE",', 'FILE is not valid JSON'],
    ['not an array', '{}', 'FILE is not a JSON array of { "profile", "x" } entries'],
    ['an entry that is not an object', '[1]', 'FILE has an entry (#0) that is not a JSON object'],
    [
      'an entry without a string profile',
      '[{"profile":"a"},{"profile":3}]',
      'FILE has an entry (#1) without a string "profile"',
    ],
    ['a profile twice', '[{"profile":"prod"},{"profile":"prod"}]', 'FILE has profile "prod" more than once'],
  ])("a file %s fails with the caller's error", (_, text, message) => {
    expect(() => pick(text)).toThrow(message)
    expect(() => pick(text)).not.toThrow(/SECRET/)
  })

  it("runs the caller's check on every entry, not only the one picked", () => {
    const format = {
      ...FORMAT,
      checkEntry: (entry: Readonly<Record<string, unknown>>, index: number) =>
        typeof entry.x === 'number' ? undefined : `has an entry (#${index}) whose "x" is not a number`,
    }
    expect(() => pick('[{"profile":"prod","x":1},{"profile":"other","x":"no"}]', 'prod', format)).toThrow(
      'FILE has an entry (#1) whose "x" is not a number',
    )
  })

  it('says how many profiles a file has', () => {
    expect([profileCount(1), profileCount(3)]).toEqual(['1 profile', '3 profiles'])
  })
})
