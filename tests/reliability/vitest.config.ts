import { defineConfig } from 'vitest/config'
import { sharedTestOptions } from '../../vitest.shared.js'

// The suites run against the built packages (dist), as a consumer would: turbo builds them first (^build).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file gets its own process, so one file's msw interception or leaked handle cannot hide in another's.
    pool: 'forks',
    ...sharedTestOptions,
  },
})
