// What the CLI tells about the built-in demo API, in a module of its own: connect.ts and the commands say it
// without loading the demo API itself (mock-mode.ts is imported only when the demo runs).
export const DEMO_NOTICE = 'No SCloud credentials found; using the built-in demo API (pass --live to refuse)'
export const FORCED_DEMO_NOTICE = 'Using the built-in demo API (--mock); its tasks are not real'

/** Told on stderr when a watched demo ends with its scripted failure. */
export const DEMO_FAILURE_NOTE =
  "The demo's failed URL is part of its story, so this exits 0; with real tasks --watch exits 1 on a failure " +
  '(add --fail-on-failure to see it here).\n'
