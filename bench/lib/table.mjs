// The stdout table: figure | measured | budget | result, with a section line per figure.

const MARK = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP', info: '' }

export function printTable(rows) {
  const body = rows.filter((r) => !r.section)
  const w1 = Math.max(6, ...body.map((r) => r.figure.length))
  const w2 = Math.min(90, Math.max(8, ...body.map((r) => String(r.measured ?? '').length)))
  const w3 = Math.max(6, ...body.map((r) => String(r.budget ?? '').length))
  const line = (a, b, c, d) => `${a.padEnd(w1)}  ${b.padEnd(w2)}  ${c.padEnd(w3)}  ${d}`.trimEnd()
  console.log(`\n${line('figure', 'measured', 'budget', 'result')}`)
  console.log('-'.repeat(w1 + w2 + w3 + 12))
  for (const r of rows) {
    if (r.section) {
      console.log(`\n${r.section}`)
      continue
    }
    console.log(line(r.figure, String(r.measured ?? ''), String(r.budget ?? ''), MARK[r.status] ?? ''))
  }
}
