import { describe, expect, it } from 'vitest'
import { buildUcdnProgram, parseUcdnArgs, UCDN_COMMANDS } from './ucdn-program.js'

const NOW = Date.UTC(2026, 0, 31, 12, 0, 0)

describe('the ucdn command line', () => {
  it('shows help for a bare `ucdn`, with a footer of at most 80 columns naming every exit code', () => {
    const parsed = parseUcdnArgs([], NOW)
    expect(parsed.kind).toBe('exit')
    const text = parsed.kind === 'exit' ? parsed.text : ''
    for (const name of ['tasks', 'prefetch', 'refresh', 'quota', 'configure', 'completion']) {
      expect(text).toMatch(new RegExp(`\\n  ${name} `))
    }
    const footer = text.slice(text.indexOf('Without credentials'))
    for (const line of footer.split('\n')) expect(line.length).toBeLessThanOrEqual(80)
    for (const code of [0, 1, 2, 3, 70, 130, 143]) expect(footer).toMatch(new RegExp(`\\b${code}\\b`))
  })

  it('reads the submits: URLs, --from-file, --type, --wait, and --json as NDJSON while waiting', () => {
    const refresh = parseUcdnArgs(['refresh', '--type', 'DIR', 'https://a/x/', '--wait', '--json'], NOW)
    expect(refresh).toMatchObject({
      kind: 'submit',
      options: { kind: 'refresh', urls: ['https://a/x/'], type: 'dir', wait: true, output: 'ndjson' },
    })
    const prefetch = parseUcdnArgs(['prefetch', '-f', '-', '--dcdn', '-o', 'yaml'], NOW)
    expect(prefetch).toMatchObject({
      kind: 'submit',
      options: { kind: 'prefetch', fromFile: '-', dcdn: true, output: 'yaml' },
    })
    expect(() => parseUcdnArgs(['refresh', '--type', 'all', 'https://a/'], NOW)).toThrow(
      /Allowed choices are file, dir, m3u8/,
    )
  })

  it('lists every subcommand in UCDN_COMMANDS (ucdn-prefetch hands those on to ucdn)', () => {
    expect([...UCDN_COMMANDS].sort()).toEqual(
      buildUcdnProgram(NOW)
        .commands.map((c) => c.name())
        .sort(),
    )
  })

  it('requires --domain for quota, and a known shell for completion', () => {
    expect(parseUcdnArgs(['quota', '--domain', 'ucdn-1'], NOW)).toMatchObject({
      kind: 'quota',
      options: { domainId: 'ucdn-1' },
    })
    expect(() => parseUcdnArgs(['quota'], NOW)).toThrow(/--domain <id>' not specified/)
    expect(() => parseUcdnArgs(['completion', 'tcsh'], NOW)).toThrow(
      /unknown shell "tcsh"; give bash, zsh or fish/,
    )
  })
})
