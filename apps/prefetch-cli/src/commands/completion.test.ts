import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SHELLS, type Shell } from '../ucdn-program.js'
import { runCompletion } from './completion.js'

const has = (shell: string) => spawnSync(shell, ['--version']).status === 0

function parses(shell: Shell, script: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'ucdn-completion-')), `ucdn.${shell}`)
  writeFileSync(file, script)
  return spawnSync(shell, ['-n', file], { encoding: 'utf8' })
}

describe('ucdn completion', () => {
  it.each(SHELLS)('%s: names every subcommand and the options of tasks, with their choices', (shell) => {
    const script = runCompletion(shell, 0)
    for (const name of ['tasks', 'configure', 'completion', '--watch', '--interval', 'failure', 'ndjson']) {
      expect(script).toContain(name.replace(/^--/, shell === 'fish' ? '-l ' : '--'))
    }
  })

  it.each(SHELLS)('%s: the script parses (%s -n), when that shell is installed', (shell) => {
    if (!has(shell)) return // bash always is; zsh and fish where installed
    const result = parses(shell, runCompletion(shell, 0))
    expect(result.status, result.stderr).toBe(0)
  })

  it('zsh: sources cleanly in a bare zsh (no compinit loaded yet), when zsh is installed', () => {
    if (!has('zsh')) return
    const file = join(mkdtempSync(join(tmpdir(), 'ucdn-completion-')), 'ucdn.zsh')
    writeFileSync(file, runCompletion('zsh', 0))
    const result = spawnSync('zsh', ['-f', '-c', `source ${file} && echo sourced`], {
      encoding: 'utf8',
      env: { ...process.env, ZDOTDIR: tmpdir() },
    })
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('sourced\n')
  })

  it('fish: completes subcommands and options, when fish is installed', () => {
    if (!has('fish')) return
    const file = join(mkdtempSync(join(tmpdir(), 'ucdn-completion-')), 'ucdn.fish')
    writeFileSync(file, runCompletion('fish', 0))
    const result = spawnSync(
      'fish',
      ['-c', `source ${file}; complete -C "ucdn ta"; complete -C "ucdn tasks --st"`],
      {
        encoding: 'utf8',
      },
    )
    expect(result.stdout).toMatch(/^tasks\t.*\n--status\t/)
  })

  it('bash: completes subcommands and option values when sourced', () => {
    const script = runCompletion('bash', 0)
    const probe = `${script}
COMP_WORDS=(ucdn ta); COMP_CWORD=1; _ucdn; echo "\${COMPREPLY[*]}"
COMP_WORDS=(ucdn tasks --status f); COMP_CWORD=3; _ucdn; echo "\${COMPREPLY[*]}"
COMP_WORDS=(ucdn tasks --wa); COMP_CWORD=2; _ucdn; echo "\${COMPREPLY[*]}"`
    const result = spawnSync('bash', ['-c', probe], { encoding: 'utf8' })
    expect(result.stdout.split('\n').slice(0, 3)).toEqual(['tasks', 'failure', '--watch --watch-timeout'])
  })
})
