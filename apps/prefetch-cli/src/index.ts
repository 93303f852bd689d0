// ucdn and ucdn-prefetch as a library: run a command in-process (the bins are thin wrappers on these).
export { ExitCode } from './exit-codes.js'
export type { InputStream, Io, OutputStream } from './io.js'
export { run } from './run.js'
export { runUcdn } from './run-ucdn.js'
