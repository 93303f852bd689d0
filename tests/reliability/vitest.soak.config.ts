import { defineConfig } from 'vitest/config'

// `pnpm test:soak`: the long run, never part of `pnpm test`. --expose-gc lets it force GC before reading RSS.
export default defineConfig({
  test: {
    include: ['soak/**/*.soak.ts'],
    pool: 'forks',
    execArgv: ['--expose-gc'],
    testTimeout: 15 * 60_000,
    hookTimeout: 60_000,
  },
})
