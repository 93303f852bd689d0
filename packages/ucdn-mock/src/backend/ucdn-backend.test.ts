import { describe, expectTypeOf, it } from 'vitest'
import type { ActionRequest, SyncUcdnBackend, UcdnBackend } from './ucdn-backend.js'

/** The keys of T that are required. */
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T]

// Checked by `tsc` (pnpm typecheck): an action added to the spec must never break a backend's type.
describe('UcdnBackend', () => {
  it('requires no action, so adding one to the spec breaks no existing backend', () => {
    expectTypeOf<RequiredKeys<UcdnBackend>>().toEqualTypeOf<never>()
    expectTypeOf<RequiredKeys<SyncUcdnBackend>>().toEqualTypeOf<never>()
    const onlyOne: UcdnBackend = {
      DescribeNewUcdnPrefetchCacheTask: async (request) => ({ TotalCount: request.TaskId?.length ?? 0 }),
    }
    const none: SyncUcdnBackend = {}
    expectTypeOf(onlyOne).toMatchTypeOf<UcdnBackend>()
    expectTypeOf(none).toMatchTypeOf<UcdnBackend>()
  })

  it('types each method by its action', () => {
    expectTypeOf<ActionRequest<'DescribeNewUcdnPrefetchCacheTask'>['TaskId']>().toEqualTypeOf<
      string[] | undefined
    >()
    const wrong: UcdnBackend = {
      // @ts-expect-error TotalCount is a number in the spec
      DescribeNewUcdnPrefetchCacheTask: () => ({ TotalCount: 'many' }),
    }
    expectTypeOf(wrong).not.toBeAny()
  })
})
