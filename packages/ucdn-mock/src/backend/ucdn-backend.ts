import type { ActionName, operations } from '@scloud/ucdn-client/schemas'
import type * as z from 'zod/mini'

/** The logical parameters of an action, as its request schema outputs them (`TaskId` an array). */
export type ActionRequest<A extends ActionName> = z.infer<(typeof operations)[A]['request']>

/**
 * What a backend answers for an action: the response fields besides `RetCode`, `Action` and `Message`,
 * which the handlers add. Extra fields are allowed (the reference example has one) and are sent as they are.
 */
export type ActionResult<A extends ActionName> = Omit<
  z.output<(typeof operations)[A]['response']>,
  'RetCode' | 'Action' | 'Message'
>

/**
 * The fake service behind the gateway: one method per action of the spec, named exactly like the action, so
 * the handlers dispatch on `Action` with no per-action code. A new action in the spec is a type error here
 * until a backend implements it. Methods receive requests the gateway has already checked against the spec.
 */
export type UcdnBackend = {
  readonly [A in ActionName]: (request: ActionRequest<A>) => ActionResult<A> | Promise<ActionResult<A>>
}

/** A {@link UcdnBackend} that answers synchronously, as the built-in ones do (handy in tests). */
export type SyncUcdnBackend = {
  readonly [A in ActionName]: (request: ActionRequest<A>) => ActionResult<A>
}
