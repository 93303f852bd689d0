// Emits an operation's `checkRequest(wire)`: every request parameter checked as the request schema says (the
// same conditions check-and-map uses, so zod and the generated code agree; a property test holds them to it),
// each problem named with what the value must be, in words (describe.mjs). Arrays are checked item by item, so
// a message can say `taskIds[1]`. The happy path allocates nothing.
import { condition } from './check-and-map.mjs'
import { describe } from './describe.mjs'
import { deref } from './schema-ir.mjs'

/** Lines of the function body (two-space indented) and the patterns it uses (PATTERN_<i> constants). */
export function emitCheckRequest(requestIr, irs, patterns) {
  let counter = 0
  const fresh = (prefix) => `${prefix}${counter++}`
  const ctx = { irs, patterns, fresh }
  const lines = ['let p: RequestProblem[] | undefined']
  for (const { wire, schema, required } of requestIr.properties) {
    if (wire === 'Action') continue
    const ir = deref(schema, irs)
    const v = fresh('v')
    lines.push(`const ${v} = wire.${wire}`)
    const expected = JSON.stringify(describe(ir, irs))
    if (ir.kind !== 'array') {
      const absent = required ? `${v} === undefined || ` : `${v} !== undefined && `
      lines.push(
        `if (${absent}!(${condition(ir, v, ctx)})) (p ??= []).push(${problem(wire, v, expected, ir)})`,
      )
      continue
    }
    const bad = [`!Array.isArray(${v})`]
    if (ir.minItems !== undefined) bad.push(`${v}.length < ${ir.minItems}`)
    if (ir.maxItems !== undefined) bad.push(`${v}.length > ${ir.maxItems}`)
    const item = deref(ir.items, irs)
    const i = fresh('i')
    const e = fresh('e')
    const check = [
      `if (${bad.join(' || ')}) (p ??= []).push(${problem(wire, v, expected)})`,
      `else {`,
      `  for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {`,
      `    const ${e}: unknown = ${v}[${i}]`,
      `    if (!(${condition(item, e, ctx)})) (p ??= []).push(${problem(wire, e, JSON.stringify(describe(item, irs)), item, i)})`,
      '  }',
      '}',
    ]
    if (required) lines.push(...check)
    else lines.push(`if (${v} !== undefined) {`, ...check.map((l) => `  ${l}`), '}')
  }
  lines.push('return p')
  return lines
}

function problem(wire, value, expected, ir, index) {
  const at = index === undefined ? '' : `, index: ${index}`
  const big =
    ir && (ir.kind === 'integer' || ir.kind === 'number') && ir.maximum !== undefined
      ? `, tooBig: typeof ${value} === 'number' && ${value} > ${ir.maximum}`
      : ''
  return `{ field: '${wire}'${at}, input: ${value}, expected: ${expected}${big} }`
}
