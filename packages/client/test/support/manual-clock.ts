// A Clock (src/clock.ts) whose time moves only when a test says so. Tests wait until the client has set the timer
// they expect (an event, not a number of steps) and then move the time exactly to it.
import type { Clock } from "../../src/index.js";
import { Changes } from "./until.js";

export interface PendingTimer {
  id: number;
  /** The delay the client asked for. */
  delay: number;
  /** The clock time at which it falls due. */
  due: number;
}

export function manualClock(start = Date.parse("2024-01-01T00:00:00Z")) {
  let now = start;
  let lastId = 0;
  const timers = new Map<number, PendingTimer & { callback: () => void }>();
  const changes = new Changes();
  const pending = (): PendingTimer[] =>
    [...timers.values()].map(({ id, delay, due }) => ({ id, delay, due })).sort((a, b) => a.due - b.due || a.id - b.id);

  const clock: Clock = {
    now: () => now,
    setTimeout(callback, ms) {
      const id = ++lastId;
      timers.set(id, { id, delay: ms, due: now + Math.max(0, ms), callback });
      changes.notify();
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
      changes.notify();
    },
  };

  /** Moves the time forward by exactly `ms`, running each timer that falls due on the way, at its due time. */
  function advance(ms: number): void {
    const target = now + ms;
    for (let next = pending()[0]; next !== undefined && next.due <= target; next = pending()[0]) {
      now = next.due;
      const timer = timers.get(next.id)!;
      timers.delete(next.id);
      timer.callback();
    }
    now = target;
  }

  /** Resolves as soon as a timer matching `match` is pending (it may be pending already). */
  function untilTimer(match: (timer: PendingTimer) => boolean, awaited: string): Promise<PendingTimer> {
    return changes.until(() => pending().find(match), awaited, () => `pending timers ${JSON.stringify(pending())} at ${now - start} ms`);
  }

  /** Waits until a timer matching `match` is pending, then moves the time exactly to it, so it fires. */
  async function runTimer(match: (timer: PendingTimer) => boolean, awaited: string): Promise<PendingTimer> {
    const timer = await untilTimer(match, awaited);
    advance(timer.due - now);
    return timer;
  }

  return {
    clock,
    /** Milliseconds since `start`. */
    elapsed: () => now - start,
    pending,
    advance,
    untilTimer,
    runTimer,
  };
}

export type ManualClock = ReturnType<typeof manualClock>;
