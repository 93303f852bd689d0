// ucdn-prefetch as a library: run the command in-process (the bin is a thin wrapper on this).
export { ExitCode } from './exit-codes.js'
export type { Io, OutputStream } from './io.js'
export { run } from './run.js'
