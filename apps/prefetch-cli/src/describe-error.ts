import type { UcdnError } from '@scloud/ucdn'
import { CliError, UsageError } from './errors.js'
import { ExitCode } from './exit-codes.js'
import { printable } from './printable.js'

export interface ErrorReport {
  readonly exitCode: ExitCode
  /** One line a user can act on, then (with --verbose) the details and the cause chain. */
  readonly text: string
}

const MAX_CAUSES = 5

/**
 * Any error as one line on stderr and an exit code. Stacks only with --verbose, and only for our own bugs. Every
 * line goes through printable(): messages quote what the server sent (a RetCode's Message), file names, profiles.
 */
export function describeError(error: unknown, verbose: boolean, command = 'ucdn-prefetch'): ErrorReport {
  const { exitCode, line, details } = classify(error, command)
  const lines = [`${command}: ${line}`]
  if (verbose) lines.push(...details.map((d) => `  ${d}`), ...causeChain(error))
  return { exitCode, text: `${lines.map(printable).join('\n')}\n` }
}

function classify(error: unknown, command: string): { exitCode: ExitCode; line: string; details: string[] } {
  if (error instanceof UsageError) return { exitCode: ExitCode.Usage, line: error.message, details: [] }
  if (error instanceof CliError) return { exitCode: error.exitCode, line: error.message, details: [] }
  if (isUcdnError(error)) return classifyUcdnError(error)
  if (isCredentialsError(error)) {
    return { exitCode: ExitCode.ApiError, line: error.message, details: [`code ${error.code}`] }
  }
  const message = error instanceof Error ? error.message : String(error)
  const stack = error instanceof Error && error.stack !== undefined ? error.stack.split('\n').slice(1) : []
  return {
    exitCode: ExitCode.Internal,
    line: `unexpected error: ${message} (a bug in ${command}; run with --verbose and report what it shows)`,
    details: stack.map((frame) => frame.trim()),
  }
}

function classifyUcdnError(error: UcdnError): { exitCode: ExitCode; line: string; details: string[] } {
  const details = [
    `code ${error.code}${error.retryable ? ' (retryable)' : ''}`,
    ...[
      error.action === undefined ? undefined : `action ${error.action}`,
      error.httpStatus === undefined ? undefined : `HTTP status ${error.httpStatus}`,
      error.retCode === undefined ? undefined : `RetCode ${error.retCode}`,
      error.requestId === undefined ? undefined : `request id ${error.requestId}`,
      error.attempts === undefined ? undefined : `attempts ${error.attempts}`,
    ].filter((d): d is string => d !== undefined),
  ]
  switch (error.code) {
    case 'ABORTED':
      return { exitCode: ExitCode.Interrupted, line: 'interrupted', details }
    case 'INVALID_INPUT':
      // Unusable credentials or a broken shared config file reach the SDK as invalid input, but they are not a
      // command-line mistake: the set-up is broken (exit 3, like missing credentials).
      return {
        exitCode: isBrokenSetUp(error) ? ExitCode.ApiError : ExitCode.Usage,
        line: inCliTerms(error.message),
        details,
      }
    default:
      return { exitCode: ExitCode.ApiError, line: inCliTerms(withFacts(error)), details }
  }
}

/** Credentials the SDK cannot use, or the shared config file (~/.ucloud/config.json), by the error's fields. */
function isBrokenSetUp(error: UcdnError): boolean {
  return error.source === 'credentials' || (error.source === 'config' && error.field === 'configFile')
}

// The SDK's advice names its options (its public API names, never reworded); the user of this tool sets them
// with flags, or, for the config file, the environment variable (this tool has no option for it). Literal
// names, replaced as whole words: nothing here guesses at what a message means.
const CLI_TERMS: Readonly<Record<string, string>> = {
  timeoutMs: '--timeout',
  baseUrl: '--base-url',
  projectId: '--project-id',
  isDcdn: '--dcdn',
}
const CONFIG_FILE_ADVICE = ['pass configFile or set ', 'set '] as const

function inCliTerms(message: string): string {
  const text = message.replaceAll(CONFIG_FILE_ADVICE[0], CONFIG_FILE_ADVICE[1])
  let out = ''
  for (const word of text.split(/(\w+)/)) out += Object.hasOwn(CLI_TERMS, word) ? CLI_TERMS[word] : word
  return out
}

// The SDK's messages usually carry the RetCode and request id already; add whichever is missing.
function withFacts(error: UcdnError): string {
  const missing: string[] = []
  if (error.retCode !== undefined && !error.message.includes(String(error.retCode))) {
    missing.push(`RetCode ${error.retCode}`)
  }
  if (error.requestId !== undefined && !error.message.includes(error.requestId)) {
    missing.push(`request id ${error.requestId}`)
  }
  if (missing.length === 0) return error.message
  return `${error.message.replace(/\.$/, '')} (${missing.join(', ')}).`
}

function causeChain(error: unknown): string[] {
  const lines: string[] = []
  let cause = error instanceof Error ? error.cause : undefined
  for (let depth = 0; cause !== undefined && depth < MAX_CAUSES; depth++) {
    if (cause instanceof Error) {
      const code = (cause as { code?: unknown }).code
      const suffix = typeof code === 'string' || typeof code === 'number' ? ` (${code})` : ''
      lines.push(`  caused by ${cause.name}: ${cause.message}${suffix}`)
      cause = cause.cause
    } else {
      // Not an Error (some fetch implementations use plain objects): show its message if it has one.
      const message = typeof cause === 'string' ? cause : (cause as { message?: unknown } | null)?.message
      if (typeof message === 'string') lines.push(`  caused by ${message}`)
      cause = undefined
    }
  }
  return lines
}

interface CredentialsErrorLike extends Error {
  readonly code: string
}

// Checked by name, like isUcdnError: instanceof fails when two copies of @scloud/signer are installed.
function isCredentialsError(error: unknown): error is CredentialsErrorLike {
  return (
    error instanceof Error &&
    error.name === 'CredentialsError' &&
    typeof (error as { code?: unknown }).code === 'string'
  )
}

/**
 * @scloud/ucdn's isUcdnError, by the same rule (the name and a string code): a usage error is described at start,
 * and importing a value of the SDK's entry would make the bundle load the whole SDK (its client, zod) with it.
 */
function isUcdnError(value: unknown): value is UcdnError {
  return (
    value instanceof Error &&
    value.name === 'UcdnError' &&
    typeof (value as { code?: unknown }).code === 'string'
  )
}
