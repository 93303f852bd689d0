// Emits the check-and-map of one answer, for its operation's module: for every object schema the answer can
// contain, one function that checks a parsed JSON value exactly as the zod schema would and builds the
// typescript-fetch model in the same pass (what `<Model>FromJSON(schema.parse(json))` returns), or returns
// undefined where zod would throw, after telling the module's `miss` where and what was expected (the
// INVALID_RESPONSE message). Each operation's module holds every check its answer needs, shared schemas
// included: a bundler that splits code then puts an action wholly in the chunk of the code that calls it, and
// an action an app does not call adds nothing to the app's other chunks. Held to zod by the property test over
// every action (packages/ucdn/test/property).
import { describe } from './describe.mjs'
import { deref, reachable } from './schema-ir.mjs'

const INT32 = [-2147483648, 2147483647]

/** The functions (module-private) checking the answer `responseName` and every object schema in it. */
export function emitResponseChecks(irs, modelProps, responseName, patterns) {
  const names = reachable(irs, [responseName]).filter((n) => irs.get(n).kind === 'object')
  return names.map((name) => emitFunction(name, irs, modelProps.get(name), patterns))
}

export function checkAndMapName(name) {
  return `checkAndMap${name}`
}

function emitFunction(name, irs, props, patterns) {
  let counter = 0
  const fresh = (prefix) => `${prefix}${counter++}`
  const lines = []
  const fields = []
  for (const { wire, schema, required } of irs.get(name).properties) {
    const model = props.get(wire)
    if (model === undefined) throw new Error(`typescript-fetch's ${name} has no property for ${wire}`)
    const v = fresh('v')
    lines.push(`  const ${v} = o.${wire}`)
    const ctx = { irs, patterns, fresh }
    if (isPrimitive(schema, irs)) {
      const check = condition(schema, v, ctx)
      const why = `miss(${JSON.stringify(describe(schema, irs))}, '${wire}')`
      lines.push(`  if (${required ? '' : `${v} !== undefined && `}!(${check})) return ${why}`)
      fields.push(`    ${model}: ${cast(v, name, model)},`)
      continue
    }
    const value = emitValue(schema, v, ctx, [`'${wire}'`])
    if (required) {
      lines.push(...value.lines.map((l) => `  ${l}`))
      fields.push(`    ${model}: ${cast(value.expr, name, model)},`)
      continue
    }
    const m = fresh('m')
    lines.push(`  let ${m}: ${name}['${model}']`, `  if (${v} !== undefined) {`)
    lines.push(...value.lines.map((l) => `    ${l}`), `    ${m} = ${cast(value.expr, name, model)}`, '  }')
    fields.push(`    ${model}: ${m},`)
  }
  return [
    `/** ${name}: the answer checked as \`${name}Schema\` would and mapped as \`${name}FromJSON\` would, or undefined. */`,
    `function ${checkAndMapName(name)}(json: unknown): ${name} | undefined {`,
    "  if (typeof json !== 'object' || json === null || Array.isArray(json)) return miss('an object')",
    '  const o = json as Record<string, unknown>',
    ...lines,
    '  return {',
    ...fields,
    '  }',
    '}',
    '',
  ].join('\n')
}

function isPrimitive(ir, irs) {
  const target = deref(ir, irs)
  return target.kind !== 'object' && target.kind !== 'array'
}

function cast(expr, model, prop) {
  return `${expr} as ${model}['${prop}']`
}

/**
 * Statements checking `src` and the expression of its mapped value. On a mismatch they return `miss(expected,
 * …keys)` (or `missAt(…keys)` when a nested check already said what was expected): `keys` are the expressions
 * naming `src` from the function's object down (a property name, then array indexes).
 */
function emitValue(ir, src, ctx, keys) {
  if (ir.kind === 'ref') {
    const target = ctx.irs.get(ir.name)
    if (target.kind === 'object') {
      const m = ctx.fresh('m')
      return {
        lines: [
          `const ${m} = ${checkAndMapName(ir.name)}(${src})`,
          `if (${m} === undefined) return missAt(${keys.join(', ')})`,
        ],
        expr: m,
      }
    }
    return emitValue(target, src, ctx, keys)
  }
  if (ir.kind === 'array') {
    const m = ctx.fresh('m')
    const i = ctx.fresh('i')
    const e = ctx.fresh('e')
    const bad = [`!Array.isArray(${src})`]
    if (ir.minItems !== undefined) bad.push(`${src}.length < ${ir.minItems}`)
    if (ir.maxItems !== undefined) bad.push(`${src}.length > ${ir.maxItems}`)
    const item = emitValue(ir.items, e, ctx, [...keys, i])
    return {
      lines: [
        `if (${bad.join(' || ')}) return miss(${[JSON.stringify(describe(ir, ctx.irs)), ...keys].join(', ')})`,
        `const ${m}: unknown[] = new Array(${src}.length)`,
        `for (let ${i} = 0; ${i} < ${src}.length; ${i}++) {`,
        `  const ${e} = ${src}[${i}]`,
        ...item.lines.map((l) => `  ${l}`),
        `  ${m}[${i}] = ${item.expr}`,
        '}',
      ],
      expr: m,
    }
  }
  const why = JSON.stringify(describe(ir, ctx.irs))
  return {
    lines: [`if (!(${condition(ir, src, ctx)})) return miss(${[why, ...keys].join(', ')})`],
    expr: src,
  }
}

/** A boolean expression: `x` is accepted by the primitive schema `ir`. */
export function condition(ir, x, ctx) {
  const all = []
  switch (ir.kind) {
    case 'ref':
      return condition(ctx.irs.get(ir.name), x, ctx)
    case 'union':
      return ir.branches.map((b) => `(${condition(b, x, ctx)})`).join(' || ')
    case 'string':
      if (ir.enum) return `${x} === ${ir.enum.map((v) => JSON.stringify(v)).join(` || ${x} === `)}`
      all.push(`typeof ${x} === 'string'`)
      if (ir.minLength !== undefined) all.push(`${x}.length >= ${ir.minLength}`)
      if (ir.maxLength !== undefined) all.push(`${x}.length <= ${ir.maxLength}`)
      if (ir.pattern !== undefined) {
        let index = ctx.patterns.indexOf(ir.pattern)
        if (index < 0) index = ctx.patterns.push(ir.pattern) - 1
        all.push(`PATTERN_${index}.test(${x})`)
      }
      return all.join(' && ')
    case 'integer':
      if (ir.format === 'int32') {
        all.push(
          `typeof ${x} === 'number'`,
          `Number.isInteger(${x})`,
          `${x} >= ${INT32[0]}`,
          `${x} <= ${INT32[1]}`,
        )
      } else {
        all.push(`typeof ${x} === 'number'`, `Number.isSafeInteger(${x})`)
      }
      break
    case 'number':
      all.push(`typeof ${x} === 'number'`, `Number.isFinite(${x})`)
      break
    case 'boolean':
      return `typeof ${x} === 'boolean'`
    default:
      throw new Error(`check-and-map: unexpected ${ir.kind}`)
  }
  if (ir.minimum !== undefined) all.push(`${x} >= ${ir.minimum}`)
  if (ir.maximum !== undefined) all.push(`${x} <= ${ir.maximum}`)
  return all.join(' && ')
}
