import { defineConfig } from 'vitest/config'
import { sharedTestOptions } from '../../vitest.shared.js'

// Three projects: units (pure logic and DOM rendering, fast), the BFF through msw's node handlers, and the
// built page (bundle scan and real Chromium), which share one canary build made by the global setup.
// Inline projects do not inherit the root `test` options, so each names its own limits.
// A developer's own ~/.ucloud/config.json must never reach the SDK clients these tests build.
const env = { UCLOUD_SHARED_CONFIG_FILE: '/nonexistent/ucdn-tests/config.json' }

export default defineConfig({
  test: {
    // The browser tests mostly wait on the demo's clock, not the CPU: let them overlap even on 2 cores.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'server/**/*.test.ts'],
          environment: 'node',
          env,
          ...sharedTestOptions,
        },
      },
      {
        test: {
          name: 'contract',
          include: ['test/contract/**/*.test.ts'],
          environment: 'node',
          env,
          ...sharedTestOptions,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/bundle/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          environment: 'node',
          env,
          globalSetup: ['test/build-page.global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
