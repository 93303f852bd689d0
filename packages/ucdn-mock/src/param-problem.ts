/**
 * A parameter the gateway refuses: `param` is the name as sent (`TaskId.1`), `field` the spec's parameter
 * (`TaskId`), `detail` what is wrong when it is more than "not what the spec expects".
 */
export type ParamProblem = { readonly param: string; readonly field: string; readonly detail?: string }

/** The answer's Message: names the parameter and says what was expected, never echoes a secret. */
export function paramProblemMessage(
  problem: ParamProblem,
  expectations: ReadonlyMap<string, string>,
): string {
  const why = problem.detail ?? expectations.get(problem.field) ?? 'not a valid value'
  return `Missing or invalid parameter: ${problem.param} (${why})`
}
