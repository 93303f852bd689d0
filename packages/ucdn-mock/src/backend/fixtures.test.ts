import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { DescribeNewUcdnPrefetchCacheTaskResponseSchema } from '@scloud/ucdn-client/schemas'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { createFixtureBackend, createReferenceBackend } from './fixtures.js'
import { REFERENCE_RESPONSE_EXAMPLE } from './reference-example.js'

const spec = parse(
  readFileSync(fileURLToPath(new URL('../../../../openapi/ucdn.yaml', import.meta.url)), 'utf8'),
)
const specExample = spec.components.examples.DescribeNewUcdnPrefetchCacheTaskResponseExample.value

describe('the reference example fixture', () => {
  it('is exactly the spec’s DescribeNewUcdnPrefetchCacheTaskResponseExample', () => {
    expect(REFERENCE_RESPONSE_EXAMPLE).toStrictEqual(specExample)
  })

  it('validates against the spec’s response schema, unknown statuses and field included', () => {
    expect(DescribeNewUcdnPrefetchCacheTaskResponseSchema.safeParse(REFERENCE_RESPONSE_EXAMPLE).success).toBe(
      true,
    )
  })

  it('is served by the reference backend without RetCode and Action, which the handlers add', async () => {
    const { RetCode, Action, ...fields } = specExample
    const answer = await createReferenceBackend().DescribeNewUcdnPrefetchCacheTask!({
      Action: 'DescribeNewUcdnPrefetchCacheTask',
      Limit: 1,
    })
    expect(answer).toStrictEqual(fields)
    expect({ RetCode, Action, ...answer }).toStrictEqual(specExample)
    expect(
      await createFixtureBackend('reference').DescribeNewUcdnPrefetchCacheTask!({
        Action: 'DescribeNewUcdnPrefetchCacheTask',
      }),
    ).toStrictEqual(fields)
  })

  it('hands out copies, so a caller mutating an answer cannot change the next one', async () => {
    const backend = createReferenceBackend()
    const first = await backend.DescribeNewUcdnPrefetchCacheTask!({
      Action: 'DescribeNewUcdnPrefetchCacheTask',
    })
    first.TaskList!.length = 0
    const second = await backend.DescribeNewUcdnPrefetchCacheTask!({
      Action: 'DescribeNewUcdnPrefetchCacheTask',
    })
    expect(second.TaskList).toHaveLength(7)
  })
})
