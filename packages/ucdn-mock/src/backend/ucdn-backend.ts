import type { ActionName, operationSchemas } from '@scloud/ucdn-client/schemas'
import type * as z from 'zod/mini'
import type { ApiRefusal } from './api-refusal.js'

/** The logical parameters of an action, as its request schema outputs them (`TaskId` an array). */
export type ActionRequest<A extends ActionName> = z.infer<(typeof operationSchemas)[A]['request']>

/**
 * What a backend answers for an action: the response fields besides `RetCode`, `Action` and `Message`,
 * which the handlers add. Extra fields are allowed (the reference example has one) and are sent as they are.
 */
export type ActionResult<A extends ActionName> = Omit<
  z.output<(typeof operationSchemas)[A]['response']>,
  'RetCode' | 'Action' | 'Message'
>

/** A backend method's answer: the result, or an {@link ApiRefusal} (a non-zero RetCode and its Message). */
export type ActionAnswer<A extends ActionName> = ActionResult<A> | ApiRefusal

/**
 * The fake service behind the gateway: a method per action it implements, named exactly like the action, so
 * the handlers dispatch on `Action` with no per-action code. Every method is optional, so an action added to
 * the spec never breaks a backend's type: an action a backend does not implement still passes the gateway and
 * the spec's validation, then answers the spec's example. Methods receive requests already checked.
 */
export type UcdnBackend = {
  readonly [A in ActionName]?: (request: ActionRequest<A>) => ActionAnswer<A> | Promise<ActionAnswer<A>>
}

/** A {@link UcdnBackend} that answers synchronously, as the built-in ones do (handy in tests). */
export type SyncUcdnBackend = {
  readonly [A in ActionName]?: (request: ActionRequest<A>) => ActionAnswer<A>
}
