import type { Io } from '../io.js'
import type { ConfigureOptions } from '../ucdn-program.js'

export async function runConfigure(_options: ConfigureOptions, _io: Io): Promise<number> {
  throw new Error('not yet')
}
