#!/usr/bin/env node
// `pnpm generate`: openapi/ucdn.yaml → packages/ucdn-client/src/generated (typescript-fetch client + zod schemas).
// The output folder is removed first so that nothing stale survives a spec change.
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { ensureGenerator } from './ensure-generator.mjs'
import { generateSchemas } from './generate-schemas.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const spec = join(root, 'openapi/ucdn.yaml')
const out = join(root, 'packages/ucdn-client/src/generated')

const jar = ensureGenerator()
const config = parse(readFileSync(join(root, 'openapi/generator-config.yaml'), 'utf8'))
const kv = (obj) =>
  Object.entries(obj)
    .map(([k, v]) => `${k}=${v}`)
    .join(',')

rmSync(out, { recursive: true, force: true })
execFileSync(
  'java',
  [
    '-jar',
    jar,
    'generate',
    '--input-spec',
    spec,
    '--generator-name',
    config.generatorName,
    '--output',
    out,
    '--additional-properties',
    kv(config.additionalProperties),
    '--global-property',
    kv(config.globalProperties),
    '--template-dir',
    join(root, 'openapi/templates'),
  ],
  { stdio: ['ignore', 'ignore', 'inherit'] },
)
// Bookkeeping files of the generator that describe nothing a reader needs.
rmSync(join(out, '.openapi-generator-ignore'), { force: true })
rmSync(join(out, '.openapi-generator'), { recursive: true, force: true })
writeFileSync(join(out, 'schemas.ts'), generateSchemas(spec))
console.log(`generated ${out.slice(root.length + 1)} from openapi/ucdn.yaml`)
