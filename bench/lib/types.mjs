// Shapes shared by the figures and the runner (JSDoc only; `pnpm --filter @scloud/bench typecheck` checks them).

/**
 * One line of the table. `status` is 'pass' or 'fail' against `budget`, 'skip' when it could not be measured,
 * 'info' otherwise.
 * @typedef {{ figure: string, measured?: string, budget?: string, status: string, value?: number, error?: boolean }} Row
 * @typedef {{ section: string }} Section
 * @typedef {{ rows: Row[], raw: Record<string, any> }} FigureResult
 * @typedef {{ sdk: Awaited<ReturnType<typeof import('./sdk.mjs').loadSdk>>, quick: boolean }} FigureContext
 */

export {}
