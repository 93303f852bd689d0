import { defineConfig } from 'vitest/config'

// `@scloud/source` resolves this package's `#…` imports (package.json `imports`) to src/*.ts, as tsconfig does.
const conditions = ['@scloud/source', 'node', 'import', 'module', 'default']

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    restoreMocks: true,
  },
})
