/** fast-check run counts, scaled by RELIABILITY_FC_SCALE (e.g. 10 for a deeper local or nightly run). */
export function runs(numRuns: number): { numRuns: number } {
  const scale = Number(process.env.RELIABILITY_FC_SCALE ?? 1)
  return { numRuns: Math.max(1, Math.round(numRuns * (Number.isFinite(scale) && scale > 0 ? scale : 1))) }
}
