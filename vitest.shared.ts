// Test settings every package's vitest config shares.
//
// CI runs every package's tests at once (turbo) on a shared 2-core machine, next to the Java generator and
// Chromium; a test that spawns python3, node or a browser can wait seconds for a core. The 5 s default then
// turns a passing run into a timeout, so tests and hooks get 30 s. A real hang still fails, just later.
// Speed itself is measured in `pnpm bench`, never by these limits.
export const sharedTestOptions = {
  testTimeout: 30_000,
  hookTimeout: 30_000,
}
