// The machine-readable outputs of --output: one value as JSON or YAML, or NDJSON (one object a line, a task a
// line for a listing) so `jq -c`, `while read` and log shippers take it line by line.
import { stringify } from 'yaml'
import type { OutputFormat } from '../option-flags.js'

export type DataFormat = Exclude<OutputFormat, 'table'>

/** `value` in `format`; for ndjson, `lines` (default: [value]) one per line. */
export function renderData(format: DataFormat, value: unknown, lines: readonly unknown[] = [value]): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(value, null, 2)}\n`
    case 'yaml':
      return stringify(value)
    case 'ndjson':
      return lines.map((line) => `${JSON.stringify(line)}\n`).join('')
  }
}
