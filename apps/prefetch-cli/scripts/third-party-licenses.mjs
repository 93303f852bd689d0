// The bundled bins carry other people's code: their licenses (MIT, ISC, …) require the notices to travel with
// it, so every third-party package esbuild put into a bundle is listed with its license text.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The license notices of the node_modules packages among esbuild metafile inputs (paths relative to `cwd`). */
export function thirdPartyLicenses(inputPaths, cwd) {
  const roots = new Set()
  for (const input of inputPaths) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)
    if (match) roots.add(join(cwd, match[1]))
  }
  const notices = [...roots].map((dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    const file = readdirSync(dir).find((name) => /^(licen[cs]e|copying)/i.test(name))
    const text = file
      ? readFileSync(join(dir, file), 'utf8').trim()
      : `(no license file; package.json says ${manifest.license})`
    return { id: `${manifest.name}@${manifest.version}`, license: manifest.license, text }
  })
  const unique = [...new Map(notices.map((n) => [n.id, n])).values()].sort((a, b) => a.id.localeCompare(b.id))
  return [
    "Third-party software bundled into this package's bin files, with each license.",
    ...unique.map((n) => `\n${'='.repeat(78)}\n${n.id} (${n.license})\n${'='.repeat(78)}\n\n${n.text}\n`),
  ].join('\n')
}
