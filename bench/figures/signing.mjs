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
 * What a team would write by hand: flatten to an object, sort the keys, concatenate, one-shot hash. The
 * SDK's reference point among hand-written signers (informational).
 */
function handWrittenSign(params, privateKey) {
  const flat = {}
  for (const name of Object.keys(params)) {
    const value = params[name]
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) flat[`${name}.${i}`] = String(value[i])
    else if (value !== null && value !== undefined) flat[name] = String(value)
  }
  let text = ''
  for (const key of Object.keys(flat).sort()) text += key + flat[key]
  return crypto.hash('sha1', text + privateKey, 'hex')
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
  const raw = { parameters: Object.keys(flat).length, stringToSignChars: text.length }
  const CREATE_HASH = 'createHash sha1 (prebuilt string)'
  const ONE_SHOT = 'crypto.hash sha1 (prebuilt string)'
  const HAND = 'hand-written signer (flatten, sort, concat, crypto.hash)'

  const candidates = [{ name: CREATE_HASH, fn: () => crypto.createHash('sha1').update(text).digest('hex') }]
  // crypto.hash (one-shot, Node >= 20.12) is also measured: see the README for why it is not the budget's base.
  if (typeof crypto.hash === 'function') {
    candidates.push({ name: ONE_SHOT, fn: () => crypto.hash('sha1', text, 'hex') })
    if (handWrittenSign(params, privateKey) !== expected) throw new Error('hand-written signer disagrees')
    candidates.push({ name: HAND, fn: () => handWrittenSign(params, privateKey) })
  }
  const skip = missingFor(sdk, ['@scloud/signer'])
  if (!skip) {
    const signed = sdk.signer.signParams(params, privateKey)
    if (signed !== expected) throw new Error(`signParams gave ${signed}, the protocol gives ${expected}`)
    candidates.unshift({ name: 'signParams', fn: () => sdk.signer.signParams(params, privateKey) })
    if (typeof sdk.signer.flattenParams === 'function') {
      candidates.push({
        name: 'flattenParams (piece, not on the signing path)',
        fn: () => sdk.signer.flattenParams(params),
      })
    }
  }
  const opts = quick ? { rounds: 4, iterationsPerRound: 500 } : { rounds: 80, iterationsPerRound: 2000 }
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
      figure: 'signParams vs createHash sha1',
      measured: skip,
      budget: `≤ ${BUDGET}×`,
      status: 'skip',
    })
    return { rows, raw }
  }
  const ratio = run.ratio('signParams', CREATE_HASH)
  raw.ratios = Object.fromEntries(candidates.slice(1).map((c) => [c.name, run.ratio('signParams', c.name)]))
  rows.unshift({
    figure: 'signParams vs createHash sha1 of the prebuilt string',
    measured: ratioText(ratio),
    budget: `≤ ${BUDGET}×`,
    status: ratio.median <= BUDGET ? 'pass' : 'fail',
    value: ratio.median,
  })
  if (raw.ratios[ONE_SHOT]) {
    rows.push(
      {
        figure: '  signParams vs crypto.hash sha1 (floor, see README)',
        measured: ratioText(raw.ratios[ONE_SHOT]),
        status: 'info',
      },
      {
        figure: '  signParams vs hand-written signer',
        measured: ratioText(raw.ratios[HAND]),
        status: 'info',
      },
    )
  }
  return { rows, raw }
}
