// Stateful mode's pool lifecycle, as the live API lives it: a created pool first has no phase, then `Creating`, then
// `Running` (or `CreationFailed`, when the create asked for it); a deleted pool is `Deleting` until it is gone. The
// phase is computed from the pool's timestamps and the clock on every read, so nothing is scheduled, nothing needs
// cancelling, and a test that moves a manual clock sees each change at its exact millisecond.
import type { components } from "@modelarts-pools/types";

export type PoolPhase = components["schemas"]["PoolPhase"];

/** How long a created pool takes to be `Running`, and a deleted one to be gone (`startMock({ creatingMs, deletingMs })`). */
export interface LifecycleTimes {
  creatingMs: number;
  deletingMs: number;
}

/** A few seconds: long enough that a client sees `Creating` and `Deleting` when it polls, short enough to wait for. */
export const DEFAULT_CREATING_MS = 3_000;
export const DEFAULT_DELETING_MS = 2_000;

/**
 * The share of `creatingMs` a new pool spends with no phase at all, as the live API's pools do right after they are
 * accepted: long enough that a client's first read after the create meets a pool without `status.phase` (and must
 * tolerate it), short beside the `Creating` that follows.
 */
export const NO_PHASE_SHARE = 0.1;

/** The phase a created pool ends in: `Running`, or `CreationFailed` when its create said `Prefer: phase=CreationFailed`. */
export type Outcome = Extract<PoolPhase, "Running" | "CreationFailed">;
const OUTCOMES: readonly Outcome[] = ["Running", "CreationFailed"];

/** What the store keeps of a pool's life: when it was created, how it ends, and when its deletion began. */
export interface Life {
  createdAt: number;
  outcome: Outcome;
  deletedAt?: number;
}

/** The pool's phase at `now`; undefined while it has none yet. */
export function phaseAt(life: Life, now: number, times: LifecycleTimes): PoolPhase | undefined {
  if (life.deletedAt !== undefined) return "Deleting";
  const age = now - life.createdAt;
  if (age >= times.creatingMs) return life.outcome;
  return age < Math.floor(times.creatingMs * NO_PHASE_SHARE) ? undefined : "Creating";
}

/** Whether a deleted pool is gone at `now`: its deletion began `deletingMs` ago or more. */
export function goneAt(life: Life, now: number, times: LifecycleTimes): boolean {
  return life.deletedAt !== undefined && now - life.deletedAt >= times.deletingMs;
}

export type OutcomeResult = { ok: true; outcome: Outcome } | { ok: false; problem: string };

/**
 * `Prefer: phase=CreationFailed` on createPool: the pool ends in that phase instead of `Running`, so a client can
 * test its failure handling. Stateful-mode behaviour, read here only; `code=` and `example=` stay prefer.ts's, from
 * the spec. `phase` is the preference of the same header that prefer.ts reads as `code=404, example=…`.
 */
export function preferredOutcome(preferences: ReadonlyMap<string, string>): OutcomeResult {
  const asked = preferences.get("phase");
  if (asked === undefined) return { ok: true, outcome: "Running" };
  const outcome = OUTCOMES.find((phase) => phase === asked);
  if (outcome) return { ok: true, outcome };
  return { ok: false, problem: `Prefer: phase=${asked} is not a phase a created pool can end in (it takes ${OUTCOMES.join(" or ")})` };
}
