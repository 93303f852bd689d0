// Reading the private key for `ucdn configure`: from a terminal without echo (raw mode, nothing written back),
// or from stdin when piped (`pass show scloud | ucdn configure`). The key is never written anywhere but the file.
import { CliError } from './errors.js'
import { ExitCode } from './exit-codes.js'
import { interruption } from './interruption.js'
import type { InputStream, OutputStream } from './io.js'

const CTRL_C = '\u0003'
const CTRL_D = '\u0004'
const BACKSPACES = new Set(['\u007f', '\b'])

/**
 * One line from a terminal, not echoed; `prompt` goes to `prompts` (stderr). `signal` (SIGTERM) ends it too, with
 * the terminal's echo restored.
 */
export function readHidden(
  stdin: InputStream,
  prompts: OutputStream,
  prompt: string,
  signal?: AbortSignal,
): Promise<string> {
  prompts.write(prompt)
  return new Promise((resolve, reject) => {
    let value = ''
    const onAbort = () => finish(interruption(signal) ?? new CliError('interrupted', ExitCode.Interrupted))
    const finish = (error?: Error) => {
      signal?.removeEventListener('abort', onAbort)
      stdin.off?.('data', onData)
      stdin.setRawMode?.(false)
      stdin.pause?.()
      prompts.write('\n')
      if (error) reject(error)
      else resolve(value)
    }
    const onData = (chunk: string | Uint8Array) => {
      for (const char of typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')) {
        if (char === '\r' || char === '\n' || char === CTRL_D) return finish()
        if (char === CTRL_C) return finish(new CliError('interrupted', ExitCode.Interrupted))
        if (BACKSPACES.has(char)) value = [...value].slice(0, -1).join('')
        else value += char
      }
    }
    if (signal?.aborted) return onAbort()
    signal?.addEventListener('abort', onAbort, { once: true })
    stdin.setRawMode?.(true)
    stdin.setEncoding?.('utf8')
    stdin.on?.('data', onData)
    stdin.resume?.()
  })
}

/** Everything piped to stdin, as text. */
export async function readPiped(stdin: InputStream): Promise<string> {
  let text = ''
  for await (const chunk of stdin)
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
  return text
}
