// A package README is shown on the registry's page, where a relative link that leaves the package
// (`../ucdn-client`, `../../openapi/ucdn.yaml`) leads nowhere: name the thing in plain text, or use an absolute URL.
import { isAbsolute, relative, resolve } from 'node:path'

/** The relative links of `markdown` (a README in `pkgDir`) that point outside the package. */
export function linksLeavingPackage(markdown, pkgDir) {
  // Code is not links: `handlers[0](request)` in an example must not count.
  const prose = markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '')
  const targets = [
    ...[...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
    ...[...prose.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]),
    ...[...prose.matchAll(/\b(?:href|src)\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]),
  ]
  return targets.filter((target) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('//')) return false
    const path = relative(pkgDir, resolve(pkgDir, target.split('#')[0]))
    return path.startsWith('..') || isAbsolute(path)
  })
}
