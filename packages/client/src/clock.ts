// Time is a dependency. Everything in the client that reads the clock or waits — the X-Sdk-Date of a signature,
// an HTTP-date Retry-After, each attempt's time-out, the wait between retries — goes through one Clock, so a test
// (the package's own, or a user's) drives time by events instead of racing it.
//
// It is a public option (`clock` of createPoolsClient) rather than an internal one, because users have the same two
// needs: testing their own retry and time-out handling without waiting, and signing with a corrected time on a
// machine whose clock is off (the gateway refuses a signature more than about 15 minutes away from its own time).

export interface Clock {
  /** Milliseconds since the epoch, like `Date.now()`. */
  now(): number;
  /** Calls `callback` after `ms` milliseconds, like `setTimeout`; the result is what `clearTimeout` takes. */
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The platform's clock and timers, looked up at each call (so a test framework's fake timers apply too). */
export const platformClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};

export function checkClock(clock: Clock | undefined, where: string): Clock {
  if (clock === undefined) return platformClock;
  if (typeof clock?.now !== "function" || typeof clock.setTimeout !== "function" || typeof clock.clearTimeout !== "function") {
    throw new TypeError(`${where}: clock must have now, setTimeout and clearTimeout functions`);
  }
  return clock;
}

/** `value` when it is a duration a timer can take (a number > 0; Infinity for none), undefined when not given. */
export function checkDuration(value: number | undefined, field: string): number | undefined {
  if (value !== undefined && (typeof value !== "number" || !(value > 0))) throw new TypeError(`${field} must be a number > 0`);
  return value;
}

/** Waits `ms` on `clock`, unless the caller aborts first (then rejects with the signal's reason). */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted(); // rejects the promise
    const onAbort = () => {
      clock.clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = clock.setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
