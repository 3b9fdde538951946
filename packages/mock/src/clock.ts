// Time, as the mock sees it: the timestamps stateful mode writes and reads a pool's phase from, the journal's times,
// the latency it adds and the upstream time-out of proxy mode. It is the client's Clock (one interface for the whole
// project), injected (`startMock({ clock })`) so that a test moves time on by hand instead of sleeping.
import type { Clock } from "@modelarts-pools/client";

export type { Clock };

/** The real time. Its timers never keep a process alive on their own: the server does, while it listens. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const timer = setTimeout(callback, ms);
    timer.unref();
    return timer;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Waits `ms` on `clock`. */
export function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => void clock.setTimeout(resolve, ms));
}

/** A clock that stands still until told to move. */
export interface ManualClock extends Clock {
  /**
   * Moves time on by `ms`, running every timer that falls due, earliest first (timers due at the same time in the
   * order they were set), each at its own time: `now()` reads that time while it runs, and timers it sets run too if
   * they fall due before the end.
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
    setTimeout(callback, ms) {
      const id = order++;
      timers.set(id, { at: now + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
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
