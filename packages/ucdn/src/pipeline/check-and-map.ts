// Step 7, check and map: the answer checked against the response schema and mapped to the generated model in
// one generated pass (`operation.checkAndMap`, property-tested against zod + FromJSON for every action). When
// it does not match, the generated check has said where and what it expected (INVALID_RESPONSE).
import type { AnyOperation } from '@scloud/ucdn-client'
import { invalidResponse } from './decode.js'

export function checkAndMap<R>(operation: AnyOperation, json: unknown, requestId: string | undefined): R {
  const model = operation.checkAndMap(json)
  if (model !== undefined) return model as R
  const { path, expected } = operation.responseMiss()
  const where = path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('')
  throw invalidResponse(
    operation.action,
    requestId,
    `an unexpected shape at ${where.slice(where.startsWith('.') ? 1 : 0) || 'the top'} (expected ${expected})`,
  )
}
