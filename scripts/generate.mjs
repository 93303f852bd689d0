#!/usr/bin/env node
// `pnpm generate`: openapi/ucdn.yaml → @scloud/ucdn-client's src/generated (typescript-fetch client, zod
// schemas, one self-contained module per action: its descriptor, request check and check-and-map) and its src/index.ts and src/schemas.ts. Atomic: everything is generated into a temporary folder beside the target and swapped in
// only when all of it succeeded, so a failure leaves the committed files as they were.
//   node scripts/generate.mjs [--spec openapi/ucdn.yaml] [--src packages/ucdn-client/src]
import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { parse } from 'yaml'
import { emitIndex, emitSchemasEntry } from './codegen/entry-points.mjs'
import { emitOperation, emitOperationSchemas, emitOperationsIndex } from './codegen/operations.mjs'
import { compileComponents } from './codegen/schema-ir.mjs'
import { loadSpec } from './codegen/spec.mjs'
import { readModelProps } from './codegen/typescript-fetch.mjs'
import { emitZodSchemas } from './codegen/zod-schemas.mjs'
import { ensureGenerator } from './ensure-generator.mjs'

/** What `pnpm generate` owns in the package's src folder. */
export const PARTS = ['generated', 'index.ts', 'schemas.ts']

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Generates from `spec` into `src` (a package's src folder: `generated/`, `index.ts`, `schemas.ts`). */
export function generate({
  spec = join(root, 'openapi/ucdn.yaml'),
  src = join(root, 'packages/ucdn-client/src'),
} = {}) {
  // Compile what we own first: a spec we cannot compile fails before Java starts.
  const model = loadSpec(spec)
  const irs = compileComponents(model.schemas)
  mkdirSync(src, { recursive: true })
  const work = mkdtempSync(join(dirname(src), '.generate-'))
  try {
    const out = join(work, 'generated')
    runOpenapiGenerator(spec, out)
    const modelProps = readModelProps(out, Object.keys(model.schemas))
    writeFileSync(join(out, 'schemas.ts'), emitZodSchemas(model.schemas, irs))
    copyFileSync(join(root, 'openapi/runtime/operation.ts'), join(out, 'operation.ts'))
    mkdirSync(join(out, 'operations'))
    for (const op of model.operations)
      writeFileSync(join(out, 'operations', `${op.action}.ts`), emitOperation(op, modelProps, irs))
    writeFileSync(join(out, 'operations/index.ts'), emitOperationsIndex(model.operations))
    writeFileSync(join(out, 'operation-schemas.ts'), emitOperationSchemas(model.operations))
    writeFileSync(join(work, 'index.ts'), formatted(emitIndex(out, model.operations)))
    writeFileSync(join(work, 'schemas.ts'), formatted(emitSchemasEntry(irs)))
    swapIn(work, src)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function runOpenapiGenerator(spec, out) {
  const jar = ensureGenerator()
  const config = parse(readFileSync(join(root, 'openapi/generator-config.yaml'), 'utf8'))
  const kv = (obj) =>
    Object.entries(obj)
      .map(([k, v]) => `${k}=${v}`)
      .join(',')
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
}

/** The entry points are linted like hand-written code, so they are written as Biome would format them. */
function formatted(source) {
  return execFileSync(
    join(root, 'node_modules/.bin/biome'),
    ['check', '--write', '--stdin-file-path=packages/ucdn-client/src/index.ts'],
    { cwd: root, input: source, encoding: 'utf8' },
  )
}

/** Replaces src/generated, src/index.ts and src/schemas.ts by the fresh ones, keeping the old until then. */
function swapIn(work, src) {
  const old = join(work, 'old')
  mkdirSync(old)
  const moved = []
  try {
    for (const part of PARTS) {
      if (!existsSync(join(src, part))) continue
      renameSync(join(src, part), join(old, part))
      moved.push(part)
    }
    for (const part of PARTS) renameSync(join(work, part), join(src, part))
  } catch (error) {
    for (const part of PARTS) {
      if (!moved.includes(part)) continue
      rmSync(join(src, part), { recursive: true, force: true })
      renameSync(join(old, part), join(src, part))
    }
    throw error
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { spec: { type: 'string' }, src: { type: 'string' } } })
  const spec = values.spec ? resolve(values.spec) : undefined
  const src = values.src ? resolve(values.src) : undefined
  try {
    generate({ spec, src })
  } catch (error) {
    console.error(`pnpm generate failed, nothing was changed: ${error.message}`)
    process.exit(1)
  }
  console.log(
    `generated ${relative(root, src ?? join(root, 'packages/ucdn-client/src'))} from ${relative(root, spec ?? join(root, 'openapi/ucdn.yaml'))}`,
  )
}
