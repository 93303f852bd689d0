import Table from 'cli-table3'

export type Align = 'left' | 'right'

export interface GridOptions {
  readonly aligns?: readonly Align[]
}

// No box drawing: aligned columns separated by two spaces read well in a terminal, in a log and in grep.
const BLANK = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '  ',
} as const

/** Aligned columns under a header row; cells may hold ANSI colors (they do not count towards widths). */
export function renderGrid(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  options: GridOptions = {},
): string {
  const table = new Table({
    head: [...head],
    chars: BLANK,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
    colAligns: head.map((_, i) => options.aligns?.[i] ?? 'left'),
  })
  for (const row of rows) table.push([...row])
  const lines = table.toString().split('\n')
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`
}
