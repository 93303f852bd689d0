import type { Credentials } from '@scloud/signer'
import { type ActionName, operationSchemas, operations } from '@scloud/ucdn-client/schemas'
import { type HttpHandler, http } from 'msw'
import { type ApiContext, answerApiRequest, type RequestLogEntry } from './answer-request.js'
import type { DomainSeed } from './backend/cache-domains.js'
import { createPrefetchBackend } from './backend/prefetch-backend.js'
import type { UcdnBackend } from './backend/ucdn-backend.js'
import { checkMockOptions, HANDLER_OPTION_RULES } from './check-options.js'
import type { Clock } from './clock.js'
import { DEMO_CREDENTIALS } from './credentials.js'
import { UcdnMockError } from './errors.js'
import { describeExpectations } from './expectations.js'
import type { FaultInjector } from './faults.js'
import { DEFAULT_MAX_BODY_BYTES } from './read-params.js'
import { SUPPORTED_WIRE_TYPES, wireTypesOf } from './wire-decode.js'

/** The real API's base URL, where the handlers answer unless told otherwise. */
export const DEFAULT_BASE_URL = 'https://api.scloudsg.com'

export type UcdnHandlersOptions = {
  /** Where the API lives; a path prefix is allowed (`https://gw.example.com/ucdn`). Default {@link DEFAULT_BASE_URL}. */
  readonly baseUrl?: string
  /** The accounts the gateway knows. Default `[DEMO_CREDENTIALS]`. */
  readonly keyPairs?: readonly Credentials[]
  /** The fake service. Default: a {@link createPrefetchBackend} without tasks, on `clock`, `domains` and `prefetchIntervalMs`. */
  readonly backend?: UcdnBackend
  /** Faults to inject. Default: none. */
  readonly faults?: FaultInjector
  /** The clock of the default backend (ignored when `backend` is given). Default: the real clock. */
  readonly clock?: Clock
  /**
   * The default backend's accelerated domains, each with its own daily quotas and prefetch switch (refused
   * with `backend`: give them to `createPrefetchBackend`). Default: {@link DEMO_DOMAIN} alone.
   */
  readonly domains?: readonly DomainSeed[]
  /** The default backend's least time between two prefetch submits, ms (refused with `backend`). Default 10 000. */
  readonly prefetchIntervalMs?: number
  /** Bodies above this many bytes get HTTP 413. Default {@link DEFAULT_MAX_BODY_BYTES} (1 MiB). */
  readonly maxBodyBytes?: number
  /** Called once per answered request (method, action, RetCode, status, ms), e.g. to print a request log. */
  readonly onRequest?: (entry: RequestLogEntry) => void
}

/**
 * msw request handlers that behave like SCloud's API at `baseUrl`: they accept a GET query, a POST form or a
 * POST JSON body, check the request as the real gateway does (Action, PublicKey, Signature, then every
 * parameter against the spec), dispatch on `Action` to `backend` and answer `{ RetCode, Action, ... }` with an
 * `X-UCLOUD-REQUEST-UUID` header. Use with `setupServer(...handlers)` (msw/node) or `setupWorker` (msw/browser).
 */
export function createUcdnHandlers(options: UcdnHandlersOptions = {}): HttpHandler[] {
  checkMockOptions(options, 'createUcdnHandlers', HANDLER_OPTION_RULES)
  const base = parseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL)
  const privateKeys = keyPairMap(options.keyPairs ?? [DEMO_CREDENTIALS])
  const backend = backendOf(options)
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const expectations = new Map<ActionName, ReadonlyMap<string, string>>()
  for (const action of Object.keys(operations) as ActionName[]) {
    assertSupportedWireTypes(action)
    expectations.set(action, describeExpectations(operationSchemas[action].request))
  }

  const context: ApiContext = {
    privateKeys,
    backend,
    faults: options.faults,
    maxBodyBytes,
    expectations,
    onRequest: options.onRequest,
  }
  const isApiUrl = ({ request }: { request: Request }) => {
    const url = new URL(request.url)
    // `${prefix}//` too: a client whose base URL ends in `/` appends another (UCloud's Go SDK does).
    return (
      url.origin === base.origin &&
      /^\/*$/.test(url.pathname.slice(base.prefix.length)) &&
      url.pathname.startsWith(base.prefix)
    )
  }
  return [http.all(isApiUrl, ({ request }) => answerApiRequest(request, context))]
}

/**
 * The backend of handlers (or a server): `backend`, else a {@link createPrefetchBackend} on the options' clock,
 * domains and pacing. Those options configure the default backend only, so they are refused beside `backend`.
 */
export function backendOf(
  options: Pick<UcdnHandlersOptions, 'backend' | 'clock' | 'domains' | 'prefetchIntervalMs'>,
): UcdnBackend {
  for (const name of ['domains', 'prefetchIntervalMs'] as const) {
    if (options.backend !== undefined && options[name] !== undefined) {
      throw new UcdnMockError(
        'INVALID_OPTION',
        `${name} configures the default backend; with your own backend, give it to createPrefetchBackend instead.`,
        { field: name },
      )
    }
  }
  if (options.backend !== undefined) return options.backend
  return createPrefetchBackend({
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.domains ? { domains: options.domains } : {}),
    ...(options.prefetchIntervalMs === undefined ? {} : { prefetchIntervalMs: options.prefetchIntervalMs }),
  })
}

function parseBaseUrl(baseUrl: string): { origin: string; prefix: string } {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    throw new UcdnMockError(
      'INVALID_OPTION',
      `baseUrl must be an absolute http(s) URL, got ${JSON.stringify(baseUrl)}.`,
      { field: 'baseUrl' },
    )
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.hash !== '') {
    throw new UcdnMockError(
      'INVALID_OPTION',
      `baseUrl must be an http(s) URL without query or fragment, got ${JSON.stringify(baseUrl)}.`,
      { field: 'baseUrl' },
    )
  }
  return { origin: url.origin, prefix: url.pathname.replace(/\/+$/, '') }
}

function keyPairMap(keyPairs: readonly Credentials[]): ReadonlyMap<string, string> {
  const map = new Map<string, string>()
  for (const [i, pair] of keyPairs.entries()) {
    const { publicKey, privateKey } = pair ?? {}
    if (
      typeof publicKey !== 'string' ||
      publicKey === '' ||
      typeof privateKey !== 'string' ||
      privateKey === '' ||
      privateKey.trim() !== privateKey
    ) {
      throw new UcdnMockError(
        'INVALID_OPTION',
        `keyPairs[${i}] needs a non-empty publicKey and a non-empty privateKey without surrounding whitespace.`,
        { field: `keyPairs[${i}]` },
      )
    }
    if (map.has(publicKey) && map.get(publicKey) !== privateKey) {
      throw new UcdnMockError(
        'INVALID_OPTION',
        `keyPairs[${i}] repeats a publicKey with a different privateKey.`,
        { field: `keyPairs[${i}]` },
      )
    }
    map.set(publicKey, privateKey)
  }
  return map
}

function assertSupportedWireTypes(action: ActionName): void {
  for (const [name, type] of Object.entries(wireTypesOf(operations[action]))) {
    if (!SUPPORTED_WIRE_TYPES.has(type)) {
      throw new UcdnMockError(
        'INVALID_OPTION',
        `${action}.${name} has wire type ${type}, which the mock cannot decode.`,
      )
    }
  }
}
