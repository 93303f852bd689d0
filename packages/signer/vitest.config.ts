import { defineConfig } from 'vitest/config'
import { sharedTestOptions } from '../../vitest.shared.js'

// The shared 30 s limit also covers the property-based tests, which run thousands of cases.
export default defineConfig({ test: { ...sharedTestOptions } })
