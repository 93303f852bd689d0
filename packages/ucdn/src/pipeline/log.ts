// Step 8, log: one debug line per attempt (logger.ts words it), with what this attempt learnt of the answer.
// PublicKey and Signature are marked redacted; the keys and the signed body never reach the logger.
import { type AttemptFacts, logAttempt, loggableParams, type UcdnLogger } from '../logger.js'
import type { WireResponse } from '../transport/wire.js'
import type { AttemptReport } from './retry.js'
import type { WireParams } from './validate.js'

type Facts = { -readonly [K in keyof AttemptFacts]: AttemptFacts[K] }

/** The per-attempt log of one call: `start` before each attempt, `answered`/`succeeded` as it goes. */
export class AttemptLog {
  readonly #facts: Facts

  constructor(
    private readonly logger: UcdnLogger,
    action: string,
    wire: WireParams,
  ) {
    this.#facts = { action, params: loggableParams(wire) }
  }

  start(): void {
    this.#facts.httpStatus = this.#facts.requestId = this.#facts.retCode = undefined
  }

  answered(response: WireResponse, requestId: string | undefined): void {
    this.#facts.httpStatus = response.status
    this.#facts.requestId = requestId
  }

  succeeded(): void {
    this.#facts.retCode = 0
  }

  /** The retry loop's `onAttempt`. */
  readonly report = (report: AttemptReport): void => logAttempt(this.logger, report, this.#facts)
}
