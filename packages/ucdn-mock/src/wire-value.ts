/** A JSON number exactly as written in the body (`10`, `1e2`, `1.0`): whether it is an integer depends on that. */
export type JsonNumber = { readonly json: string }

/** One received value: a string from a query or a form; a string, boolean or number from a JSON body. */
export type WireScalar = string | boolean | JsonNumber

/**
 * One received parameter value. `null` and arrays come only from a JSON body in the Go SDK's shape
 * (`"TaskId":["a","b"]`, `"Status":null`).
 */
export type WireValue = WireScalar | null | readonly WireScalar[]
