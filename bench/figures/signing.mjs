// Figure 4: signParams on a 50-parameter request vs one node:crypto SHA-1 of the same, prebuilt string to sign.
// The baseline is the floor (the hash alone); the SDK also flattens, formats, sorts and concatenates.
import crypto from 'node:crypto'
import { compareMany } from '../lib/compare.mjs'
import { ACTION } from '../lib/fixtures.mjs'
import { ratioText, us } from '../lib/format.mjs'
import { missingFor } from '../lib/sdk.mjs'
import { flatten, stringToSign } from '../lib/wire.mjs'

export const id = 'signing'
export const title = 'Signing (50 parameters)'
const BUDGET = 1.5

/** 9 scalar parameters + 41 task ids = 50 flattened parameters, PublicKey included. */
export function fiftyParams(publicKey) {
  const taskIds = Array.from({ length: 41 }, (_, i) => `pf-${(1e9 + i * 7919).toString(36)}`)
  return {
    Action: ACTION,
    PublicKey: publicKey,
    ProjectId: 'org-bench01',
    BeginTime: 1_780_000_000,
    EndTime: 1_780_086_400,
    Status: 'process',
    Offset: 0,
    Limit: 100,
    IsDcdn: false,
    TaskId: taskIds,
  }
}

/**
 * @param {import('../lib/types.mjs').FigureContext} context
 * @returns {Promise<import('../lib/types.mjs').FigureResult>}
 */
export async function run({ sdk, quick }) {
  const { publicKey, privateKey } = sdk.credentials
  const params = fiftyParams(publicKey)
  const flat = flatten(params)
  const text = stringToSign(flat, privateKey)
  const expected = crypto.createHash('sha1').update(text).digest('hex')
  /** @type {Record<string, any>} */
  const raw = { parameters: Object.keys(flat).length, stringToSignBytes: Buffer.byteLength(text) }

  const candidates = [
    { name: 'createHash sha1', fn: () => crypto.createHash('sha1').update(text).digest('hex') },
  ]
  // crypto.hash (one-shot, Node ≥ 20.12) is the cheapest native SHA-1; the budget is against the faster.
  if (typeof crypto.hash === 'function') {
    candidates.push({ name: 'crypto.hash sha1', fn: () => crypto.hash('sha1', text, 'hex') })
  }
  const skip = missingFor(sdk, ['@scloud/signer'])
  if (!skip) {
    const signed = sdk.signer.signParams(params, privateKey)
    if (signed !== expected) throw new Error(`signParams gave ${signed}, the protocol gives ${expected}`)
    candidates.unshift({ name: 'signParams', fn: () => sdk.signer.signParams(params, privateKey) })
    if (typeof sdk.signer.flattenParams === 'function') {
      candidates.push({ name: 'flattenParams (piece)', fn: () => sdk.signer.flattenParams(params) })
    }
  }
  const opts = quick ? { rounds: 4, iterationsPerRound: 500 } : { rounds: 40, iterationsPerRound: 5000 }
  const run = await compareMany(title, candidates, opts)
  raw.run = { rounds: run.rounds, iterationsPerRound: run.iterationsPerRound, candidates: run.candidates }

  /** @type {import('../lib/types.mjs').Row[]} */

  const rows = candidates.map((c) => ({
    figure: `  ${c.name}`,
    measured: us(run.candidates[c.name].perCallMs.median),
    status: 'info',
  }))
  if (skip) {
    rows.unshift({
      figure: 'signParams vs native SHA-1',
      measured: skip,
      budget: `≤ ${BUDGET}×`,
      status: 'skip',
    })
    return { rows, raw }
  }
  const natives = candidates.filter((c) => c.name.includes('sha1'))
  const fastest = natives.reduce((a, b) =>
    run.candidates[a.name].perCallMs.median <= run.candidates[b.name].perCallMs.median ? a : b,
  )
  const ratio = run.ratio('signParams', fastest.name)
  raw.ratios = Object.fromEntries(natives.map((c) => [c.name, run.ratio('signParams', c.name)]))
  raw.fastestBaseline = fastest.name
  rows.unshift({
    figure: `signParams vs ${fastest.name} of the prebuilt string`,
    measured: ratioText(ratio),
    budget: `≤ ${BUDGET}×`,
    status: ratio.median <= BUDGET ? 'pass' : 'fail',
    value: ratio.median,
  })
  for (const c of natives.filter((n) => n !== fastest)) {
    rows.push({
      figure: `  signParams vs ${c.name}`,
      measured: ratioText(raw.ratios[c.name]),
      status: 'info',
    })
  }
  return { rows, raw }
}
