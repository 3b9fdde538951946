// Opt-in retries. Only failures that leave nothing half done are repeated: no answer, a time-out, or an answer
// that says "not now" (429, 502, 503, 504). Which operations may repeat at all is the caller's decision
// (client.ts: updatePool yes, createPool never).
import { ModelArtsApiError, ModelArtsNetworkError, ModelArtsTimeoutError } from "./errors.js";

export interface RetryOptions {
  /** How many times to repeat a failed call (default 2). */
  retries?: number;
  /** First back-off delay in ms; it doubles per attempt, and a random part of it is waited (default 300). */
  baseDelayMs?: number;
  /** Longest back-off delay in ms (default 10 000). */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this (ms) is not waited for: the error is thrown instead (default 60 000). */
  maxRetryAfterMs?: number;
}

export type RetryPlan = Required<RetryOptions>;

const retryableStatuses = new Set([429, 502, 503, 504]);

export function retryPlan(options: RetryOptions | false | undefined, where: string): RetryPlan | undefined {
  if (options === undefined || options === false) return undefined;
  if (typeof options !== "object" || options === null) throw new TypeError(`${where}: retry must be an object or false`);
  const plan: RetryPlan = { retries: 2, baseDelayMs: 300, maxDelayMs: 10_000, maxRetryAfterMs: 60_000 };
  for (const field of Object.keys(plan) as (keyof RetryPlan)[]) {
    const value = options[field];
    if (value === undefined) continue;
    if (typeof value !== "number" || !(value >= 0)) throw new TypeError(`${where}: retry.${field} must be a number ≥ 0`);
    plan[field] = value;
  }
  return plan;
}

/** `Retry-After` as delay-seconds or an HTTP date, in ms from `now` (the client's clock, see clock.ts). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value?.trim()) return undefined;
  const ms = /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

/** Exponential back-off with full jitter, so many clients that failed together do not retry together. */
export function backoffMs(plan: RetryPlan, attempt: number, random: () => number = Math.random): number {
  return random() * Math.min(plan.maxDelayMs, plan.baseDelayMs * 2 ** attempt);
}

/** How long to wait before repeating after `error`, or undefined when it must not be repeated. */
export function retryDelay(plan: RetryPlan, attempt: number, error: unknown, random?: () => number): number | undefined {
  if (attempt >= plan.retries) return undefined;
  if (error instanceof ModelArtsNetworkError || error instanceof ModelArtsTimeoutError) return backoffMs(plan, attempt, random);
  if (!(error instanceof ModelArtsApiError) || !retryableStatuses.has(error.status)) return undefined;
  if (error.retryAfterMs === undefined) return backoffMs(plan, attempt, random);
  return error.retryAfterMs > plan.maxRetryAfterMs ? undefined : Math.max(error.retryAfterMs, backoffMs(plan, attempt, random));
}
