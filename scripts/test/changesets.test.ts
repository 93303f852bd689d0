// Biome formats Markdown, and a changeset whose front matter it can read as a setext heading
// (`"@scloud/x": minor` over `---`) is rewritten to `## "@scloud/x": minor`: the release then silently loses its
// bump. Every pending changeset must keep a front matter changesets can read (blank lines around the releases).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const dir = fileURLToPath(new URL('../../.changeset', import.meta.url))
const FRONT_MATTER = /^---\n\n?((?:"@scloud\/[a-z-]+": (?:major|minor|patch)\n)+)\n?---\n/
/** One release line right under `---` and over `---`: Biome reads it as a setext heading and rewrites it. */
const HEADING_SHAPED = /^---\n"@scloud\/[a-z-]+": (?:major|minor|patch)\n---\n/
const files = readdirSync(dir).filter((name) => name.endsWith('.md') && name !== 'README.md')

describe('pending changesets', () => {
  it.each(files)('%s names its packages and bumps in a front matter changesets can read', (name) => {
    const text = readFileSync(join(dir, name), 'utf8')
    expect(text).toMatch(FRONT_MATTER)
    expect(text).not.toMatch(/^## "@scloud\//m)
    expect(text).not.toMatch(HEADING_SHAPED)
  })

  it('recognises the broken shape biome makes of a single-release changeset', () => {
    expect('---\n\n## "@scloud/ucdn": minor\n\nText.\n').not.toMatch(FRONT_MATTER)
    expect('---\n\n"@scloud/ucdn": minor\n\n---\n\nText.\n').toMatch(FRONT_MATTER)
    // Without the blank lines Biome reads a lone release line over `---` as a heading (a CI lint failure).
    expect('---\n"@scloud/ucdn": minor\n---\n\nText.\n').toMatch(HEADING_SHAPED)
    expect('---\n"@scloud/ucdn": minor\n"@scloud/signer": patch\n---\n\nText.\n').not.toMatch(HEADING_SHAPED)
  })
})
