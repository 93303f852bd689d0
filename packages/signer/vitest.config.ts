import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Property-based tests run thousands of cases; on a loaded CI machine the 5 s default would turn a
    // passing run into a timeout. Nothing here waits on time.
    testTimeout: 30_000,
  },
})
