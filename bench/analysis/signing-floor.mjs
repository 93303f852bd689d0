// Why signParams cannot get near one crypto.hash of a prebuilt string (figure `signing`).
// `node --expose-gc analysis/signing-floor.mjs`: the same 50 parameters through the cheapest possible string
// builder for this exact shape; the string it builds must also be flattened (it is a rope) before hashing.
import crypto from 'node:crypto'
import { flattenParams, signParams } from '@scloud/signer'
import { fiftyParams } from '../figures/signing.mjs'
import { compareMany } from '../lib/compare.mjs'
import { flatten, stringToSign } from '../lib/wire.mjs'
import { internal } from './internals.mjs'

const { stringToSign: signerStringToSign } = await internal('@scloud/signer', './string-to-sign.js')
const privateKey = 'bench-private-key-0123456789abcdef0123456789abcdef'
const params = fiftyParams('bench-public-key')
const text = stringToSign(flatten(params), privateKey)

/** Specialised to this shape: scalars and one array of strings; no checks. Not a general signer. */
function cheapest(p, key) {
  let s = ''
  for (const name of Object.keys(p).sort()) {
    const v = p[name]
    if (Array.isArray(v)) {
      // Indices in the order their decimal strings sort (0, 1, 10, …): the protocol's key order.
      const order = v.map((_, i) => i).sort()
      for (let i = 0; i < order.length; i++) s += `${name}.${order[i]}${v[order[i]]}`
    } else if (v !== null && v !== undefined) s += name + v
  }
  return s + key
}
if (cheapest(params, privateKey) !== text) throw new Error('cheapest builder is wrong')

const run = await compareMany(
  'signing floor',
  [
    { name: 'crypto.hash of the prebuilt (flat) string', fn: () => crypto.hash('sha1', text, 'hex') },
    {
      name: 'createHash of the prebuilt string',
      fn: () => crypto.createHash('sha1').update(text).digest('hex'),
    },
    {
      name: 'flattenParams + stringToSign (signer, no hash)',
      fn: () => signerStringToSign(flattenParams(params), privateKey),
    },
    { name: 'cheapest builder (no hash)', fn: () => cheapest(params, privateKey) },
    {
      name: 'cheapest builder + crypto.hash (floor)',
      fn: () => crypto.hash('sha1', cheapest(params, privateKey), 'hex'),
    },
    { name: 'signParams', fn: () => signParams(params, privateKey) },
  ],
  process.argv.includes('--quick')
    ? { rounds: 3, iterationsPerRound: 500 }
    : { rounds: 30, iterationsPerRound: 5000 },
)
for (const [name, c] of Object.entries(run.candidates)) {
  const r = run.ratio(name, 'crypto.hash of the prebuilt (flat) string').median
  console.log(
    `${name.padEnd(44)} ${(c.perCallMs.median * 1000).toFixed(2).padStart(6)} µs  ${r.toFixed(2)}× crypto.hash`,
  )
}
