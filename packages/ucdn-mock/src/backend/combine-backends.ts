import { type ActionName, operations } from '@scloud/ucdn-client/schemas'
import { UcdnMockError } from '../errors.js'
import type { UcdnBackend } from './ucdn-backend.js'

/**
 * One backend from several: each action is answered by the first backend that implements it (its method,
 * called on that backend), so a small custom backend can override a few actions of a stateful one:
 * `combineBackends({ DescribeNewUcdnPrefetchCacheTask: … }, createPrefetchBackend())`. Which backend answers an
 * action is decided here, once.
 */
export function combineBackends(...backends: readonly UcdnBackend[]): UcdnBackend {
  for (const [i, backend] of backends.entries()) {
    if (typeof backend !== 'object' || backend === null) {
      throw new UcdnMockError('INVALID_OPTION', `combineBackends: backend ${i} must be an object.`)
    }
  }
  const combined: Record<string, unknown> = {}
  for (const action of Object.keys(operations) as ActionName[]) {
    const owner = backends.find((backend) => typeof backend[action] === 'function')
    if (owner !== undefined) combined[action] = (owner[action] as (r: unknown) => unknown).bind(owner)
  }
  return Object.freeze(combined) as UcdnBackend
}
