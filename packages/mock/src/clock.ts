// Time, as stateful mode sees it: the timestamps it writes and the timers that move a pool through its lifecycle.
// Injected (`startMock({ clock })`) so that a test moves time on by hand instead of sleeping.

export interface Clock {
  /** Milliseconds since the epoch, as `Date.now()`. */
  now(): number;
  /** Runs `callback` once, `ms` from now; the function returned cancels it if it has not run. */
  schedule(callback: () => void, ms: number): () => void;
}

/** The real time. Its timers never keep a process alive on their own: the server does, while it listens. */
export const systemClock: Clock = {
  now: () => Date.now(),
  schedule(callback, ms) {
    const timer = setTimeout(callback, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/** A clock that stands still until told to move. */
export interface ManualClock extends Clock {
  /**
   * Moves time on by `ms`, running every timer that falls due, earliest first (timers due at the same time in the
   * order they were scheduled), each at its own time: `now()` reads that time while it runs, and timers it schedules
   * run too if they fall due before the end.
   */
  advance(ms: number): void;
  /** How many timers wait to run. */
  readonly pending: number;
}

/** A clock for tests, starting at `start` (milliseconds since the epoch; default 2026-01-01T00:00:00Z). */
export function manualClock(start = Date.UTC(2026, 0, 1)): ManualClock {
  let now = start;
  let order = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const next = () => {
    let found: [number, { at: number; callback: () => void }] | undefined;
    for (const entry of timers) if (!found || entry[1].at < found[1].at) found = entry;
    return found;
  };
  return {
    now: () => now,
    schedule(callback, ms) {
      const id = order++;
      timers.set(id, { at: now + Math.max(0, ms), callback });
      return () => void timers.delete(id);
    },
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance(ms) takes a finite number of milliseconds from 0 up, not ${ms}`);
      const end = now + ms;
      for (let due = next(); due && due[1].at <= end; due = next()) {
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = end;
    },
    get pending() {
      return timers.size;
    },
  };
}
