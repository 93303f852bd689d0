// What a value must be, in words, read off the compiled schema at generation time ("an integer ≥ 0", "one of
// success, wait", "an array of non-empty strings (1 to 1000 items)"). Generated checks carry these strings, so
// an INVALID_INPUT or INVALID_RESPONSE message names the rule without a schema library at run time.

const INT32 = [-(2 ** 31), 2 ** 31 - 1]

export function describe(ir, irs) {
  switch (ir.kind) {
    case 'ref':
      return describe(irs.get(ir.name), irs)
    case 'string': {
      if (ir.enum) return `one of ${ir.enum.join(', ')}`
      const { minLength: min, maxLength: max, pattern } = ir
      const nonEmpty = min === 1 && max === undefined
      const length = nonEmpty ? '' : range(min, max, ' characters')
      const shown = pattern === undefined ? '' : ` matching ${new RegExp(pattern)}`
      return `${nonEmpty ? 'a non-empty string' : 'a string'}${length ? ` of ${length}` : ''}${shown}`
    }
    case 'integer': {
      const [lo, hi] = ir.format === 'int32' ? INT32 : []
      return `an integer${range(ir.minimum ?? lo, ir.maximum ?? hi, '')}`
    }
    case 'number':
      return `a number${range(ir.minimum, ir.maximum, '')}`
    case 'boolean':
      return 'a boolean'
    case 'union':
      return ir.branches.map((b) => describe(b, irs)).join(' or ')
    case 'array': {
      const items = range(ir.minItems, ir.maxItems, ' items')
      return `an array of ${plural(describe(ir.items, irs))}${items ? ` (${items})` : ''}`
    }
    case 'object':
      return 'an object'
    default:
      throw new Error(`describe: unexpected ${ir.kind}`)
  }
}

function range(lo, hi, unit) {
  if (lo !== undefined && hi !== undefined) return unit ? `${lo} to ${hi}${unit}` : ` from ${lo} to ${hi}`
  if (lo !== undefined) return unit ? `at least ${lo}${unit}` : ` ≥ ${lo}`
  if (hi !== undefined) return unit ? `at most ${hi}${unit}` : ` ≤ ${hi}`
  return ''
}

/** "a non-empty string" → "non-empty strings"; "one of a, b" → "values, each one of a, b". */
function plural(description) {
  if (description.startsWith('one of')) return `values, each ${description}`
  return description.replace(/^an? /, '').replace(/\b(string|integer|number|boolean|array|object)\b/, '$1s')
}
