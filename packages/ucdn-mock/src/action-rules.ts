import type { ActionName } from '@scloud/ucdn-client/schemas'
import type { ActionRequest } from './backend/ucdn-backend.js'
import type { ParamProblem } from './param-problem.js'

type Rule<A extends ActionName> = (request: ActionRequest<A>) => ParamProblem | undefined

/**
 * Rules an action's reference states in prose, beyond what its schema can say; checked after the schema.
 * An action with no such rule needs no entry.
 */
export const ACTION_RULES: { readonly [A in ActionName]?: Rule<A> } = {
  DescribeNewUcdnPrefetchCacheTask(request) {
    // "If there is an EndTime, BeginTime must be assigned."
    if (request.EndTime !== undefined && request.BeginTime === undefined) {
      return { param: 'BeginTime', field: 'BeginTime', detail: 'required when EndTime is given' }
    }
    if (
      request.BeginTime !== undefined &&
      request.EndTime !== undefined &&
      request.BeginTime > request.EndTime
    ) {
      return { param: 'BeginTime', field: 'BeginTime', detail: 'must not be after EndTime' }
    }
    return undefined
  },
}

/** The first rule `request` breaks, if any. */
export function checkActionRules<A extends ActionName>(
  action: A,
  request: ActionRequest<A>,
): ParamProblem | undefined {
  const rule = ACTION_RULES[action] as Rule<A> | undefined
  return rule?.(request)
}
