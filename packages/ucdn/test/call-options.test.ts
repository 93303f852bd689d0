// Per-call options are checked like the client's: a misspelt option or a wrong signal is INVALID_INPUT naming
// it, before anything is sent (never a TypeError from deep inside, never silently ignored).
import { describe, expect, it } from 'vitest'
import { UcdnClient, UcdnError } from '../src/index.js'

const neverCalled: typeof fetch = async () => {
  throw new Error('nothing may be sent')
}
const client = () =>
  new UcdnClient({ credentials: { publicKey: 'pk', privateKey: 'sk' }, env: {}, fetch: neverCalled })

async function refusal(run: () => unknown): Promise<UcdnError> {
  try {
    const result = run()
    if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
      for await (const _ of result as AsyncIterable<unknown>) break
    } else await result
  } catch (error) {
    if (error instanceof UcdnError) return error
    throw error
  }
  throw new Error('expected INVALID_INPUT')
}

describe('per-call options', () => {
  it.each<[string, () => unknown, string]>([
    [
      'describePrefetchTasks: a misspelt option',
      () => client().describePrefetchTasks({}, { sginal: undefined } as never),
      'DescribeNewUcdnPrefetchCacheTask: unknown option "sginal" (known: signal)',
    ],
    [
      'describePrefetchTasks: a signal that is not one',
      () => client().describePrefetchTasks({}, { signal: 'x' as never }),
      'signal must be an AbortSignal, got "x"',
    ],
    [
      'paginatePrefetchTasks: a misspelt option',
      () => client().paginatePrefetchTasks({}, { pagesize: 1 } as never),
      'paginatePrefetchTasks: unknown option "pagesize"',
    ],
    [
      'paginatePrefetchTasks: a signal that is not one',
      () => client().paginatePrefetchTasks({}, { signal: {} as never }),
      'paginatePrefetchTasks: signal must be an AbortSignal, got an object',
    ],
    [
      'waitForPrefetchTasks: null options',
      () => client().waitForPrefetchTasks(['t1'], null as never),
      'waitForPrefetchTasks options must be an object, got null',
    ],
    [
      'waitForPrefetchTasks: options it does not have',
      () => client().waitForPrefetchTasks(['t1'], { timeout: 10 } as never),
      'waitForPrefetchTasks: unknown option "timeout"',
    ],
    [
      'waitForPrefetchTasks: a signal that is not one',
      () => client().waitForPrefetchTasks(['t1'], { signal: 5 as never }),
      'waitForPrefetchTasks: signal must be an AbortSignal, got 5',
    ],
    [
      'describePrefetchTasks: a null signal',
      () => client().describePrefetchTasks({}, { signal: null as never }),
      'DescribeNewUcdnPrefetchCacheTask: signal must be an AbortSignal, got null.',
    ],
    [
      'waitForPrefetchTasks: a sleep that is not a function',
      () => client().waitForPrefetchTasks(['t1'], { sleep: 5 as never }),
      'waitForPrefetchTasks: sleep must be a function, got 5.',
    ],
    [
      'waitForPrefetchTasks: a clock without now()',
      () => client().waitForPrefetchTasks(['t1'], { clock: {} as never }),
      'waitForPrefetchTasks: clock must be an object with a now() method, got an object.',
    ],
    [
      'close: a force that is not a boolean',
      () => client().close({ force: 'yes' as never }),
      'close: force must be true or false, got "yes".',
    ],
  ])('%s → INVALID_INPUT naming it, nothing sent', async (_, run, message) => {
    const error = await refusal(run)
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toContain(message)
  })

  it.each<[string, () => unknown, string]>([
    ['a misspelt option', () => client().paginatePrefetchTasks({}, { pagesize: 1 } as never), 'pagesize'],
    ['a bad value', () => client().waitForPrefetchTasks(['t1'], { minDelayMs: -1 }), 'minDelayMs'],
    ['options that are not an object', () => client().waitForPrefetchTasks(['t1'], 3 as never), 'options'],
  ])('%s: `field` names the option, `source` is input', async (_, run, field) => {
    expect(await refusal(run)).toMatchObject({ code: 'INVALID_INPUT', field, source: 'input' })
  })
})

describe('client options', () => {
  it('a misspelt retry option: `field` is its path, `source` is config', () => {
    const build = () => new UcdnClient({ env: {}, retry: { baseDelay: 1 } as never })
    expect(build).toThrow(expect.objectContaining({ field: 'retry.baseDelay', source: 'config' }))
  })
})
