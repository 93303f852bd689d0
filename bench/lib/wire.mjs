// A minimal reference of the wire protocol (PROTOCOL.md), used only to pre-sign the baselines' requests, so the
// hand-written requests send exactly what a correct client sends. Not the SDK's code: the SDK is what we measure.
import { createHash } from 'node:crypto'

/** Flattens arrays/objects to `Name.0` / `Name.Key`; drops null/undefined. Good enough for bench inputs. */
export function flatten(params, prefix = '', out = {}) {
  for (const [key, value] of Object.entries(params)) {
    const name = prefix ? `${prefix}.${key}` : key
    if (value === null || value === undefined) continue
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        if (v !== null && typeof v === 'object') flatten(v, `${name}.${i}`, out)
        else if (v !== null && v !== undefined) out[`${name}.${i}`] = String(v)
      })
    } else if (typeof value === 'object') flatten(value, name, out)
    else out[name] = String(value)
  }
  return out
}

/** The exact string that is hashed: sorted `key + value` pairs followed by the private key. */
export function stringToSign(flat, privateKey) {
  const keys = Object.keys(flat)
    .filter((k) => k !== 'Signature')
    .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
  let s = ''
  for (const k of keys) s += k + flat[k]
  return s + privateKey
}

export function sha1Hex(text) {
  return createHash('sha1').update(text, 'utf8').digest('hex')
}

/** Flattened params with `PublicKey` and `Signature`, ready to send as a form body. */
export function presign(params, { publicKey, privateKey }) {
  const flat = flatten({ ...params, PublicKey: publicKey })
  return { ...flat, Signature: sha1Hex(stringToSign(flat, privateKey)) }
}

export function formBody(flat) {
  return new URLSearchParams(flat).toString()
}

// PROTOCOL.md's worked example: if this fails, every baseline would be sending nonsense.
const example = stringToSign(
  flatten({
    Action: 'DescribeUHostInstance',
    Region: 'cn-bj2',
    Limit: 10,
    PublicKey: 'ucloudsomeone@example.com1296235120854146120',
  }),
  '46f09bb9fab4f12dfc160dae12273d5332b5debe',
)
if (sha1Hex(example) !== 'cba5cf5ec4d4233d206b1b54951e3787350a642f') {
  throw new Error('bench/lib/wire.mjs does not reproduce PROTOCOL.md worked example')
}
