import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { submittedUrlPlan } from './submitted-url-plan.js'
import { urlProgressAt } from './url-progress.js'

describe('submittedUrlPlan', () => {
  it('finishes every URL successfully 5–15 s after its submit, queued 1–3 s first', () => {
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        const plan = submittedUrlPlan(url)
        expect(plan.waitMs).toBeGreaterThanOrEqual(1_000)
        expect(plan.waitMs).toBeLessThanOrEqual(3_000)
        expect(plan.waitMs + plan.processMs).toBeGreaterThanOrEqual(5_000)
        expect(plan.waitMs + plan.processMs).toBeLessThanOrEqual(15_000)
        expect(urlProgressAt(plan, 0, 15_000)).toMatchObject({ status: 'success', progress: 100 })
      }),
    )
  })

  it('gives the same URL the same plan and different URLs different ones', () => {
    expect(submittedUrlPlan('https://cdn.example.com/a.js')).toEqual(
      submittedUrlPlan('https://cdn.example.com/a.js'),
    )
    const totals = new Set(
      Array.from({ length: 20 }, (_, i) => {
        const plan = submittedUrlPlan(`https://cdn.example.com/${i}.js`)
        return plan.waitMs + plan.processMs
      }),
    )
    expect(totals.size).toBeGreaterThan(5)
  })
})
