// How much a sampling test draws: every case in the whole suite (`npm test`), a tenth in the edit loop's in-process
// tier (`pnpm test:quick` sets MODELARTS_POOLS_TIER=quick). The seeded fuzz and the dynamic-answer draws are the
// in-process tier's two slowest files; a tenth of their cases still fails on the rule they guard, and the whole
// suite still sends every case before anything lands.

/** Whether this run is the quick, in-process tier. */
const quickTier = process.env.MODELARTS_POOLS_TIER === "quick";

/** The number of cases to draw: `whole` in the whole suite, a tenth of it (at least one) in the quick tier. */
export function draws(whole: number): number {
  return quickTier ? Math.max(1, Math.ceil(whole / 10)) : whole;
}
