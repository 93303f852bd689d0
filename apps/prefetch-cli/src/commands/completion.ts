// `ucdn completion bash|zsh|fish`: a static script generated from the commander program itself, so every
// subcommand, option and choice list completes and none can drift from the parser. (The libraries around
// commander either add a runtime `complete` command that starts Node on every Tab, or are unmaintained.)
import type { Command, Option } from 'commander'
import { buildUcdnProgram, type Shell } from '../ucdn-program.js'

interface Spec {
  readonly name: string
  readonly description: string
  readonly options: readonly Option[]
  readonly args: readonly string[]
}

export function runCompletion(shell: Shell, nowMs: number): string {
  const program = buildUcdnProgram(nowMs)
  const specs: Spec[] = program.commands.map((command: Command) => ({
    name: command.name(),
    description: command.description(),
    options: command.options.filter((o) => !o.hidden),
    args: command.name() === 'completion' ? ['bash', 'zsh', 'fish'] : [],
  }))
  switch (shell) {
    case 'bash':
      return bash(specs)
    case 'zsh':
      // zsh runs the bash function through its own bash-completion emulation, which needs compinit's compdef.
      return [
        '#compdef ucdn',
        '(( $+functions[compdef] )) || { autoload -U +X compinit && compinit }',
        'autoload -U +X bashcompinit && bashcompinit',
        bash(specs),
      ].join('\n')
    case 'fish':
      return fish(specs)
  }
}

const flagsOf = (o: Option): string[] => [o.short, o.long].filter((f): f is string => f !== undefined)
const takesValue = (o: Option): boolean => o.required || o.optional
const word = (text: string): string => text.replace(/[^\w@%+=:,./-]/g, '')

function bash(specs: readonly Spec[]): string {
  const cases = specs.map((spec) => {
    const values = spec.options
      .filter((o) => takesValue(o) && o.argChoices !== undefined)
      .map(
        (o) =>
          `        ${flagsOf(o).join('|')}) COMPREPLY=($(compgen -W "${o.argChoices?.map(word).join(' ')}" -- "$cur")); return ;;`,
      )
    const free = spec.options.filter((o) => takesValue(o) && o.argChoices === undefined).flatMap(flagsOf)
    const words = [...spec.options.flatMap(flagsOf), '--help', ...spec.args].map(word).join(' ')
    return [
      `    ${word(spec.name)})`,
      '      case "$prev" in',
      ...values,
      ...(free.length > 0 ? [`        ${free.join('|')}) COMPREPLY=(); return ;;`] : []),
      '      esac',
      `      COMPREPLY=($(compgen -W "${words}" -- "$cur")) ;;`,
    ].join('\n')
  })
  return `# ucdn completion for bash: source <(ucdn completion bash)
_ucdn() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${specs.map((s) => word(s.name)).join(' ')} --help --version" -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases.join('\n')}
  esac
}
complete -o default -F _ucdn ucdn
`
}

function fish(specs: readonly Spec[]): string {
  const quoteFish = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
  const lines = ['# ucdn completion for fish: ucdn completion fish | source', 'complete -c ucdn -f']
  for (const spec of specs) {
    lines.push(
      `complete -c ucdn -n __fish_use_subcommand -a ${word(spec.name)} -d ${quoteFish(spec.description)}`,
    )
    const when = `-n '__fish_seen_subcommand_from ${word(spec.name)}'`
    for (const arg of spec.args) lines.push(`complete -c ucdn ${when} -a ${word(arg)}`)
    for (const o of spec.options) {
      const short = o.short === undefined ? '' : ` -s ${word(o.short.slice(1))}`
      const long = o.long === undefined ? '' : ` -l ${word(o.long.slice(2))}`
      const value = takesValue(o)
        ? o.argChoices
          ? ` -x -a ${quoteFish(o.argChoices.join(' '))}`
          : ' -r'
        : ''
      lines.push(`complete -c ucdn ${when}${short}${long}${value} -d ${quoteFish(o.description)}`)
    }
  }
  return `${lines.join('\n')}\n`
}
