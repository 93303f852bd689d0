// UCloud's shared files (~/.ucloud/credential.json, ~/.ucloud/config.json) share one shape: a JSON array of
// objects, each with a string "profile". One reader for both, so they agree on what a well-formed file is.

export interface SharedFileFormat {
  /** The entries' fields, for the message when the file is not an array: `{ "profile", "project_id" }`. */
  readonly entries: string
  /** Checks every entry (index from 0) beyond its "profile"; returns the problem, or undefined when it is fine. */
  readonly checkEntry?:
    | ((entry: Readonly<Record<string, unknown>>, index: number) => string | undefined)
    | undefined
}

/** The entry of a profile in a shared file, and how many entries the file has. */
export interface SharedFileProfile {
  readonly entry: Readonly<Record<string, unknown>> | undefined
  readonly count: number
}

/**
 * Parses the text of a UCloud shared file and picks the entry of `profile` (undefined when there is none). A
 * malformed file — not JSON, not an array, an entry that is not an object or has no string "profile", a profile
 * twice, what `format.checkEntry` refuses — throws `fail(problem)`, the problem worded to follow the file's name
 * ("is not valid JSON"). No problem quotes the file: a credential file holds private keys.
 */
export function pickSharedProfile(
  text: string,
  profile: string,
  format: SharedFileFormat,
  fail: (problem: string) => Error,
): SharedFileProfile {
  let parsed: unknown
  try {
    // A BOM is what Windows editors leave; JSON.parse would reject it.
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch {
    // The SyntaxError quotes the text around the mistake, which could be a key: report only that it failed.
    throw fail('is not valid JSON')
  }
  if (!Array.isArray(parsed)) throw fail(`is not a JSON array of ${format.entries} entries`)
  const matches = parsed.filter((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw fail(`has an entry (#${index}) that is not a JSON object`)
    }
    const record = entry as Record<string, unknown>
    if (typeof record.profile !== 'string') throw fail(`has an entry (#${index}) without a string "profile"`)
    const problem = format.checkEntry?.(record, index)
    if (problem !== undefined) throw fail(problem)
    return record.profile === profile
  })
  if (matches.length > 1) throw fail(`has profile "${profile}" more than once`)
  return { entry: matches[0], count: parsed.length }
}

/** `1 profile`, `3 profiles`: how many a file has, for "has no profile" messages (names are never listed). */
export function profileCount(count: number): string {
  return count === 1 ? '1 profile' : `${count} profiles`
}
