import { defineConfig } from 'vitest/config'
import { sharedTestOptions } from '../../vitest.shared.js'

// `@scloud/source` resolves this package's `#…` imports (package.json `imports`) to src/*.ts, as tsconfig does.
const conditions = ['@scloud/source', 'node', 'import', 'module', 'default']

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    ...sharedTestOptions,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    restoreMocks: true,
    // A developer's own ~/.ucloud/config.json must never reach a test that forgets to pass `env` or `configFile`.
    env: { UCLOUD_SHARED_CONFIG_FILE: '/nonexistent/ucdn-tests/config.json' },
  },
})
