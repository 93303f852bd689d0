import type { DescribeNewUcdnPrefetchCacheTaskResponseWire } from '@scloud/ucdn-client/schemas'
import { REFERENCE_RESPONSE_EXAMPLE } from './reference-example.js'
import type { ActionRequest, ActionResult } from './ucdn-backend.js'

/** Fixture names the standalone server's `--fixture` flag accepts. */
export const FIXTURE_NAMES = ['reference'] as const
export type FixtureName = (typeof FIXTURE_NAMES)[number]

/** What a fixture backend implements: the describe action, answered the same whatever the request. */
export type FixtureBackend = {
  readonly DescribeNewUcdnPrefetchCacheTask: (
    request?: ActionRequest<'DescribeNewUcdnPrefetchCacheTask'>,
  ) => ActionResult<'DescribeNewUcdnPrefetchCacheTask'>
}

/**
 * A backend that answers every accepted DescribeNewUcdnPrefetchCacheTask with the reference's response example,
 * verbatim (`Action` and `RetCode` come out exactly as in the example). Requests are still checked by the
 * gateway first, so a bad request gets its error answer, never the example.
 */
export function createReferenceBackend(): FixtureBackend {
  return {
    DescribeNewUcdnPrefetchCacheTask: () => withoutEnvelope(REFERENCE_RESPONSE_EXAMPLE),
  }
}

/** The backend of a named fixture. */
export function createFixtureBackend(name: FixtureName): FixtureBackend {
  switch (name) {
    case 'reference':
      return createReferenceBackend()
  }
}

function withoutEnvelope(
  example: Readonly<DescribeNewUcdnPrefetchCacheTaskResponseWire & Record<string, unknown>>,
): ActionResult<'DescribeNewUcdnPrefetchCacheTask'> {
  const { RetCode: _retCode, Action: _action, ...fields } = structuredClone(example)
  return fields
}
