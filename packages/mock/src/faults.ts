// Latency and faults, on purpose, so that a client's retries and time-outs can be tested against the mock:
// - latency: every answer waits `latency` ms (or a time drawn from `min`-`max`) on the mock's clock; `Prefer:
//   delay=<ms>` asks it of one request;
// - `Prefer: fault=reset` closes the connection without an answer; `Prefer: fault=timeout` holds it, unanswered, until
//   the client gives up (or FAULT_TIMEOUT_MAX_MS pass, then it is closed);
// - `faultRate` (0..1): that share of the requests that pass the checks, drawn from `seed` (repeatable), get a 503 or
//   a 429, each with Retry-After, or a reset, in equal parts.
// Draws come from one seeded generator, so the same seed and the same requests give the same faults; reset() starts it again.

/** What one request gets instead of its answer. */
export type Fault = { kind: "status"; status: 503 | 429 } | { kind: "reset" } | { kind: "timeout" };

export interface FaultOptions {
  /** Milliseconds every answer waits, or a range each answer's wait is drawn from (default 0). */
  latency?: number | { min: number; max: number };
  /** The share of requests (0 to 1) answered with a fault (default 0). */
  faultRate?: number;
  /** The seconds a fault's 503 or 429 says to wait in Retry-After (default 1). */
  retryAfterSeconds?: number;
  /** Makes the drawn faults and latencies repeatable (with `dynamic`, the generated answers too). */
  seed?: number | string;
}

/** The longest a `fault=timeout` request is held before the mock closes it: longer than any client waits. */
export const FAULT_TIMEOUT_MAX_MS = 120_000;
/** The longest delay one request may ask for with `Prefer: delay`. */
export const MAX_DELAY_MS = 60_000;

const FAULT_KINDS: readonly Fault[] = [{ kind: "status", status: 503 }, { kind: "status", status: 429 }, { kind: "reset" }];

export interface Faults {
  /** The fault a request gets, from its preferences or the rate; or a problem with what it asked for. */
  faultFor(preferences: ReadonlyMap<string, string>): { ok: true; fault: Fault | undefined } | { ok: false; problem: string };
  /** How long the request's answer waits, from its preferences or the latency; or a problem with what it asked for. */
  delayFor(preferences: ReadonlyMap<string, string>): { ok: true; ms: number } | { ok: false; problem: string };
  readonly retryAfterSeconds: number;
  /** Starts the draws again from the seed. */
  reset(): void;
}

/** The options checked (a RangeError naming the option), turned into the mock's faults. */
export function faultsOf(options: FaultOptions): Faults {
  const latency = latencyOf(options.latency);
  const rate = options.faultRate ?? 0;
  if (typeof rate !== "number" || !(rate >= 0 && rate <= 1)) throw new RangeError(`faultRate must be a number from 0 to 1, not ${String(rate)}`);
  const retryAfterSeconds = options.retryAfterSeconds ?? 1;
  if (!Number.isSafeInteger(retryAfterSeconds) || retryAfterSeconds < 0) throw new RangeError(`retryAfterSeconds must be a whole number of seconds from 0 up, not ${retryAfterSeconds}`);
  let random = generatorOf(options.seed);
  return {
    faultFor(preferences) {
      const asked = preferences.get("fault");
      if (asked !== undefined) {
        if (asked === "reset" || asked === "timeout") return { ok: true, fault: { kind: asked } };
        if (asked === "503" || asked === "429") return { ok: true, fault: { kind: "status", status: Number(asked) as 503 | 429 } };
        return { ok: false, problem: `Prefer: fault=${asked} is not a fault the mock makes (it makes reset, timeout, 503 and 429)` };
      }
      if (rate === 0 || random() >= rate) return { ok: true, fault: undefined };
      return { ok: true, fault: FAULT_KINDS[Math.floor(random() * FAULT_KINDS.length)]! };
    },
    delayFor(preferences) {
      const asked = preferences.get("delay");
      if (asked !== undefined) {
        if (!/^\d+$/.test(asked) || Number(asked) > MAX_DELAY_MS) return { ok: false, problem: `Prefer: delay must be a whole number of milliseconds from 0 to ${MAX_DELAY_MS}, not ${asked}` };
        return { ok: true, ms: Number(asked) };
      }
      if (latency.max === 0) return { ok: true, ms: 0 };
      return { ok: true, ms: latency.min + Math.floor(random() * (latency.max - latency.min + 1)) };
    },
    retryAfterSeconds,
    reset: () => void (random = generatorOf(options.seed)),
  };
}

/** `200` or `{ min: 100, max: 300 }`, checked. */
function latencyOf(latency: FaultOptions["latency"]): { min: number; max: number } {
  const range = typeof latency === "number" ? { min: latency, max: latency } : (latency ?? { min: 0, max: 0 });
  const whole = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
  if (!whole(range.min) || !whole(range.max) || range.min > range.max) {
    throw new RangeError(`latency must be a whole number of milliseconds from 0 up, or { min, max } with min ≤ max, not ${JSON.stringify(latency)}`);
  }
  return range;
}

/** `--latency 200` or `--latency 100-300`, as the option takes it; or what is wrong with it. */
export function parseLatency(text: string): FaultOptions["latency"] | string {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!match) return `--latency must be milliseconds (200) or a range of them (100-300), not ${text}`;
  const [min, max] = [Number(match[1]), Number(match[2] ?? match[1])];
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) return `--latency ${text}: the range must go from a smaller number to a larger one`;
  return min === max ? min : { min, max };
}

/** A generator of numbers in [0, 1): from the seed (mulberry32 of its hash), or Math.random without one. */
function generatorOf(seed: number | string | undefined): () => number {
  if (seed === undefined) return Math.random;
  let state = 2166136261;
  for (const char of String(seed)) state = Math.imul(state ^ char.charCodeAt(0), 16777619) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
