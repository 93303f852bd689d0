// The process exit codes, documented in the README. Scripts depend on them: never renumber.
export const ExitCode = {
  /** Everything worked (and, with --watch or --fail-on-failure, no task failed). */
  Ok: 0,
  /** A task or one of its URLs failed (only with --watch or --fail-on-failure). */
  TaskFailed: 1,
  /** The command line was wrong: unknown option, bad value, conflicting options. */
  Usage: 2,
  /** The API could not answer: API error, HTTP error, network, timeout, bad response, credentials. */
  ApiError: 3,
  /** A bug in this tool (an error it did not expect); --verbose shows the stack. */
  Internal: 70,
  /** Interrupted (Ctrl-C), as shells report 128 + SIGINT. */
  Interrupted: 130,
  /** Terminated (SIGTERM), as shells report 128 + SIGTERM. */
  Terminated: 143,
} as const

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]
