import { defineConfig } from 'vite'
import { mswWorkerPlugin } from './msw-worker-plugin.js'

/** Where `pnpm dev:live` forwards /api: the BFF (`pnpm start:live`). */
const bffUrl = process.env.BFF_URL ?? 'http://127.0.0.1:8787'

export default defineConfig({
  // Only VITE_UCDN_* variables reach the page, so no credential variable can be exposed by accident.
  envPrefix: 'VITE_UCDN_',
  plugins: [mswWorkerPlugin()],
  build: {
    outDir: 'dist/client',
    target: 'es2022',
    sourcemap: true,
    // The demo chunk (msw, the fake API with its spec schemas, the SDK) is big and only loaded in demo mode.
    chunkSizeWarningLimit: 800,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': bffUrl },
  },
  preview: { host: '127.0.0.1' },
})
