// Step 7, check and map: the answer checked against the response schema and mapped to the generated model in
// one generated pass (`operation.checkAndMap`, property-tested against zod + FromJSON for every action). When
// it does not match, zod, the authority on what is valid, names the first problem (INVALID_RESPONSE).
import type { AnyOperation } from '@scloud/ucdn-client'
import { invalidResponse } from './decode.js'

export function checkAndMap<R>(operation: AnyOperation, json: unknown, requestId: string | undefined): R {
  const model = operation.checkAndMap(json)
  if (model !== undefined) return model as R
  const parsed = operation.response.safeParse(json)
  // checkAndMap accepts exactly what zod accepts; should they ever disagree, refusing is the safe side.
  const issue = parsed.success ? undefined : parsed.error.issues[0]
  const path = issue?.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('')
  const expected = issue && 'expected' in issue ? ` (expected ${String(issue.expected)})` : ''
  throw invalidResponse(
    operation.action,
    requestId,
    `an unexpected shape at ${path?.slice(path.startsWith('.') ? 1 : 0) || 'the top'}${expected}`,
  )
}
