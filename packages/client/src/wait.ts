// waitForPool: polls showPool until the pool is where the caller wants it, the way Terraform's provider waits for a
// pool (FACTS.md): every 15 s by default (it polls every 10–30 s), for at most 90 minutes. Its timers are the
// client's clock, so a test (ours or a user's) runs a whole wait without sleeping.
import type { Pool, PoolPhase } from "@modelarts-pools/types";
import { checkDuration, sleep, type Clock } from "./clock.js";
import { ModelArtsApiError, ModelArtsPoolFailedError, ModelArtsTimeoutError, type FailedCall } from "./errors.js";
import { poolPhases } from "./generated/operations.js";
import type { Redact } from "./redact.js";

export interface WaitForPoolOptions {
  /**
   * What to wait for: a phase (`"Running"`), `"deleted"` (the pool answers 404; resolves with undefined), or a
   * predicate on the pool.
   */
  until: PoolPhase | "deleted" | ((pool: Pool) => boolean);
  /** Longest wait in all, polls included (default 5 400 000: 90 minutes; Infinity for none). */
  timeoutMs?: number;
  /** Time between the answer to one poll and the start of the next (default 15 000). */
  intervalMs?: number;
  /** Stops the wait (and a poll in flight); the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

export const defaultWaitTimeoutMs = 90 * 60_000;
export const defaultWaitIntervalMs = 15_000;

// Phases a pool does not leave by itself: waiting on would only run into the time-out. Typed by the spec's
// PoolPhase, so a phase the spec renames stops the build.
const failurePhases: readonly (PoolPhase | undefined)[] = ["CreationFailed", "ScalingFailed", "Error"] satisfies PoolPhase[];

/**
 * Polls `getPool(poolName)` until `options.until` holds; `call` names the wait in its errors. One controller carries
 * the caller's signal and the deadline to the poll in flight and to the wait between polls, so ending the wait any
 * way stops both, and they reject with its reason.
 */
export function waitForPool(
  getPool: (poolName: string, options: { signal: AbortSignal }) => Promise<Pool>,
  clock: Clock,
  call: FailedCall,
  redact: Redact,
  poolName: string,
  options: WaitForPoolOptions,
): Promise<Pool | undefined> {
  const { until, signal } = options ?? {};
  const deleted = until === "deleted";
  if (typeof until !== "function" && !deleted && !poolPhases.includes(until)) {
    throw new TypeError(`waitForPool: until must be one of ${[...poolPhases, "deleted"].join(", ")} or a function, got ${JSON.stringify(until)}`);
  }
  const timeoutMs = checkDuration(options.timeoutMs, "waitForPool: timeoutMs") ?? defaultWaitTimeoutMs;
  const intervalMs = checkDuration(options.intervalMs, "waitForPool: intervalMs") ?? defaultWaitIntervalMs;
  // Checked above, outside the async part: bad options throw at once, as they do in every method of the client.
  return (async () => {
    signal?.throwIfAborted();
    const stop = new AbortController();
    const onAbort = () => stop.abort(signal!.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    let phase: PoolPhase | undefined;
    const deadline = Number.isFinite(timeoutMs)
      ? clock.setTimeout(() => stop.abort(new ModelArtsTimeoutError(call, timeoutMs, redact, `waited ${timeoutMs} ms for ${typeof until === "string" ? until : "the condition"} (last phase: ${phase})`)), timeoutMs)
      : undefined;
    try {
      for (;;) {
        let pool: Pool;
        try {
          pool = await getPool(poolName, { signal: stop.signal });
        } catch (error) {
          if (deleted && error instanceof ModelArtsApiError && error.status === 404) return undefined;
          throw error;
        }
        phase = pool.status?.phase;
        if (deleted ? false : typeof until === "function" ? until(pool) : phase === until) return pool;
        // While a pool is being deleted, a failed one is what is expected to go.
        if (!deleted && failurePhases.includes(phase)) throw new ModelArtsPoolFailedError(call, pool, redact);
        await sleep(clock, intervalMs, stop.signal);
      }
    } finally {
      clock.clearTimeout(deadline);
      signal?.removeEventListener("abort", onAbort);
    }
  })();
}
