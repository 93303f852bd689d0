// Reads what openapi-generator's typescript-fetch wrote, so that our emitters use exactly its names: the model
// property of each wire field and the names each file exports.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Map schema → Map wire name → model property, read from each model's `FromJSONTyped`. */
export function readModelProps(generatedDir, names) {
  const result = new Map()
  for (const name of names) {
    const file = join(generatedDir, 'models', `${name}.ts`)
    if (!existsSync(file)) continue
    const source = readFileSync(file, 'utf8')
    const start = source.indexOf(`export function ${name}FromJSONTyped(`)
    if (start < 0) continue
    const body = source.slice(start, source.indexOf('\n}\n', start))
    const props = new Map()
    for (const match of body.matchAll(/^\s*'([^']+)': .*?json\['([^']+)'\]/gm)) props.set(match[2], match[1])
    result.set(name, props)
  }
  return result
}

/** The names a generated file exports, by kind: `values` (const, function, class) and `types` (interface, type). */
export function readExports(file) {
  const source = readFileSync(file, 'utf8')
  const values = new Set()
  const types = new Set()
  for (const [, kind, name] of source.matchAll(
    /^export (?:declare )?(?:abstract )?(const|function|class|interface|type) (\w+)/gm,
  )) {
    ;(kind === 'interface' || kind === 'type' ? types : values).add(name)
  }
  return { values, types }
}

export function listFiles(dir) {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
        .sort()
    : []
}
