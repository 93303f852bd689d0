// The process wiring sets the CLI's V8 flags before it runs a command (so before undici compiles its parser).
import { afterEach, expect, it, vi } from 'vitest'

const v8 = vi.hoisted(() => ({ flags: [] as string[] }))
vi.mock('node:v8', async (importOriginal) => ({
  ...(await importOriginal<typeof import('node:v8')>()),
  setFlagsFromString: (flags: string) => v8.flags.push(flags),
}))

afterEach(() => {
  process.exitCode = undefined
})

it('keeps WebAssembly to the baseline compiler before the command runs', async () => {
  const { CLI_V8_FLAGS, main } = await import('./process-main.js')
  let flagsWhenRun: string[] = []
  await main(async () => {
    flagsWhenRun = [...v8.flags]
    return 0
  })
  expect(CLI_V8_FLAGS).toBe('--liftoff-only')
  expect(flagsWhenRun).toEqual(['--liftoff-only'])
})
