import { configDefaults, defineConfig } from 'vitest/config'
import { sharedTestOptions } from '../../vitest.shared.js'

// Each file installs or spawns whole programs (npm, npx, pnpm, turbo): one file at a time on a shared machine,
// and minutes, not seconds, for the hooks that install.
export default defineConfig({
  test: {
    ...sharedTestOptions,
    // The fixture's test runs inside the temporary consumer project, not here.
    exclude: [...configDefaults.exclude, 'test/fixture/**'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
})
