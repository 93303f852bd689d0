import { type ActionName, operationSchemas, operations } from '@scloud/ucdn-client/schemas'
import { ApiRefusal } from './backend/api-refusal.js'
import type { ActionRequest, UcdnBackend } from './backend/ucdn-backend.js'
import { RET_CODES } from './responses.js'

/** What the API answers for a checked request: its RetCode and the fields beside `RetCode` and `Action`. */
export type ActionOutcome = {
  readonly retCode: number
  readonly fields: Readonly<Record<string, unknown>>
}

/**
 * Runs a checked request: the backend's method for the action when it has one (its result, or its
 * {@link ApiRefusal}), else the spec's example answer, so every action of the spec answers something valid.
 */
export async function dispatchAction<A extends ActionName>(
  backend: UcdnBackend,
  action: A,
  request: ActionRequest<A>,
): Promise<ActionOutcome> {
  const implementation = backend[action] as
    | ((this: UcdnBackend, request: ActionRequest<A>) => unknown)
    | undefined
  if (typeof implementation !== 'function') return exampleOutcome(action)
  const answer = await implementation.call(backend, request)
  if (answer instanceof ApiRefusal) return { retCode: answer.retCode, fields: { Message: answer.message } }
  return { retCode: RET_CODES.success, fields: answer as Record<string, unknown> }
}

function exampleOutcome(action: ActionName): ActionOutcome {
  const {
    RetCode: _retCode,
    Action: _action,
    ...fields
  } = structuredClone(operationSchemas[action].example.response as Record<string, unknown>)
  return { retCode: RET_CODES.success, fields }
}
