import type { Shell } from '../ucdn-program.js'

export function runCompletion(_shell: Shell, _nowMs: number): string {
  throw new Error('not yet')
}
