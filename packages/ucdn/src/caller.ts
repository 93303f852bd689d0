// What the generic helpers (paginator, poller) need of a client: the pipeline's two halves, bound to it.
import type { AnyOperation } from '@scloud/ucdn-client'
import type { SendResult } from './pipeline/pipeline.js'
import type { Naming, WireParams } from './pipeline/validate.js'

/** How a helper names its method and the parameters (for messages and `field`). */
export interface CallNaming {
  readonly method: string
  readonly names: Naming
}

export interface OperationCaller {
  /** Validates `params` (step 1): the wire parameters, or INVALID_INPUT. */
  prepare(operation: AnyOperation, params: unknown, naming: CallNaming): WireParams
  /** Runs steps 2 to 8 for prepared wire parameters. */
  execute<O extends AnyOperation>(
    operation: O,
    wire: WireParams,
    signal: AbortSignal | undefined,
  ): Promise<SendResult<O>>
}
