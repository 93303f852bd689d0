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
 * The fake service behind the gateway: methods named exactly like the actions of the spec, so the handlers
 * dispatch on `Action` with no per-action code. Every method is optional: an action a backend does not
 * implement still passes the gateway and the spec's checks and answers the spec's example, so a new action in
 * the spec never breaks an existing backend. Methods receive requests the gateway has already checked.
 */
export type UcdnBackend = {
  readonly [A in ActionName]?: (request: ActionRequest<A>) => ActionResult<A> | Promise<ActionResult<A>>
}

/** A {@link UcdnBackend} that answers synchronously, as the built-in ones do (handy in tests). */
export type SyncUcdnBackend = {
  readonly [A in ActionName]?: (request: ActionRequest<A>) => ActionResult<A>
}
