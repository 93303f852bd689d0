// Number formatting shared by the figures and the table.

export const us = (ms) => `${(ms * 1000).toFixed(ms < 0.1 ? 2 : 0)} µs`
export const msf = (ms) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`
export const x = (ratio) => `${ratio.toFixed(2)}×`
export const spread = (s) =>
  `p25–p75 ${s.p25.toFixed(2)}–${s.p75.toFixed(2)}, min–max ${s.min.toFixed(2)}–${s.max.toFixed(2)}`
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** A figure's ratio line: "1.18× (p25–p75 …)". */
export const ratioText = (s) => `${x(s.median)} (${spread(s)})`
