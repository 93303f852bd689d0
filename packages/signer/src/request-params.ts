import { SigningError } from './signing-error.js'

/**
 * The parameters a request carries, from the generated client's JSON body (`{"Action": …, "TaskId":
 * ["a"]}`, `Content-Type: application/json`) or from a form body this package already signed (a string
 * or URLSearchParams: a retry runs the middleware again on the same request). `Action` may also come from
 * the generated URL's fragment (`…/#Action=Name`). The result is a fresh object the caller may change.
 *
 * @throws {SigningError} `REQUEST_BODY_INVALID` for a body that is neither, `ACTION_MISSING` when no
 *   Action is given, `ACTION_MISMATCH` when the fragment and the body disagree, `PARAMETER_DUPLICATE`
 *   for a form body with a repeated key.
 */
export function readRequestParams(url: string, init: RequestInit): Record<string, unknown> {
  const params = readBody(init)
  const fragmentAction = actionFromFragment(url)
  const bodyAction = Object.hasOwn(params, 'Action') ? params.Action : undefined
  if (bodyAction === undefined || bodyAction === null) {
    if (fragmentAction === undefined) {
      throw new SigningError(
        'ACTION_MISSING',
        'The request has no Action: neither the body nor the URL fragment (#Action=Name) names one.',
        'Action',
      )
    }
    params.Action = fragmentAction
  } else if (fragmentAction !== undefined && bodyAction !== fragmentAction) {
    throw new SigningError(
      'ACTION_MISMATCH',
      `The body's Action "${String(bodyAction)}" differs from the URL's #Action=${fragmentAction}; send one Action.`,
      'Action',
    )
  }
  return params
}

/** The media type of a Content-Type header value, lowercased, without parameters. */
export function mediaType(contentType: string | null | undefined): string | undefined {
  if (contentType == null) return undefined
  if (contentType === 'application/json') return contentType
  const semicolon = contentType.indexOf(';')
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase()
}

/** The Content-Type of a RequestInit's headers, whichever of the three HeadersInit shapes they have. */
export function contentTypeOf(headers: HeadersInit | undefined): string | undefined {
  if (headers === undefined || headers === null) return undefined
  if (typeof Headers !== 'undefined' && headers instanceof Headers)
    return headers.get('content-type') ?? undefined
  if (Array.isArray(headers)) {
    for (const [name, value] of headers) if (name?.toLowerCase() === 'content-type') return value
    return undefined
  }
  const record = headers as Record<string, string>
  if (Object.hasOwn(record, 'Content-Type')) return record['Content-Type']
  for (const name of Object.keys(record)) if (name.toLowerCase() === 'content-type') return record[name]
  return undefined
}

const FORM = 'application/x-www-form-urlencoded'
const PLAIN_ACTION = /^Action=\w*$/

function readBody(init: RequestInit): Record<string, unknown> {
  const body = init.body
  if (body === undefined || body === null) return {}
  if (body instanceof URLSearchParams) return fromForm(body)
  if (typeof body !== 'string') {
    throw new SigningError(
      'REQUEST_BODY_INVALID',
      `The request body is a ${body.constructor?.name ?? typeof body}; only a JSON or form-urlencoded string (or URLSearchParams) can be signed.`,
    )
  }
  const type = mediaType(contentTypeOf(init.headers))
  if (type === FORM) return fromForm(new URLSearchParams(body))
  if (type === undefined ? body.trimStart().startsWith('{') : isJsonMediaType(type)) return fromJson(body)
  if (type === undefined) return fromForm(new URLSearchParams(body))
  throw new SigningError(
    'REQUEST_BODY_INVALID',
    `The request body's Content-Type "${type}" cannot be signed; send JSON or application/x-www-form-urlencoded.`,
  )
}

function isJsonMediaType(type: string): boolean {
  return type === 'application/json' || type.endsWith('+json')
}

function fromJson(body: string): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    throw new SigningError('REQUEST_BODY_INVALID', 'The request body is not valid JSON.')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SigningError('REQUEST_BODY_INVALID', 'The request body must be a JSON object of parameters.')
  }
  return parsed as Record<string, unknown>
}

function fromForm(form: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = Object.create(null)
  for (const [key, value] of form) {
    if (params[key] !== undefined) {
      throw new SigningError('PARAMETER_DUPLICATE', `The form body sends "${key}" more than once.`, key)
    }
    params[key] = value
  }
  return params
}

function actionFromFragment(url: string): string | undefined {
  const hash = url.indexOf('#')
  if (hash === -1) return undefined
  // The generated client appends any query after the fragment (`#Action=X?PublicKey=…`).
  const question = url.indexOf('?', hash)
  const fragment = url.slice(hash + 1, question === -1 ? undefined : question)
  // The generated client's `#Action=Name` needs no decoding; anything else goes through URLSearchParams.
  if (PLAIN_ACTION.test(fragment)) return fragment.slice(7) || undefined
  return new URLSearchParams(fragment).get('Action') || undefined
}
