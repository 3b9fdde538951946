// The clock stateful mode reads: a manual one moves only when told, running each timer at its own time.
import { describe, expect, it } from "vitest";
import { manualClock, systemClock } from "../src/index.js";

describe("manualClock", () => {
  it("stands still until advanced", () => {
    const clock = manualClock(1_000);
    expect(clock.now()).toBe(1_000);
    clock.advance(250);
    expect(clock.now()).toBe(1_250);
    expect(manualClock().now()).toBe(Date.parse("2026-01-01T00:00:00Z"));
  });

  it("runs the timers that fall due, earliest first, each seeing its own time", () => {
    const clock = manualClock(0);
    const ran: string[] = [];
    clock.setTimeout(() => ran.push(`late@${clock.now()}`), 300);
    clock.setTimeout(() => ran.push(`early@${clock.now()}`), 100);
    clock.setTimeout(() => ran.push(`tie-first@${clock.now()}`), 200);
    clock.setTimeout(() => ran.push(`tie-second@${clock.now()}`), 200);
    clock.setTimeout(() => ran.push("never"), 1_000);
    clock.advance(300);
    expect(ran).toEqual(["early@100", "tie-first@200", "tie-second@200", "late@300"]);
    expect(clock.pending).toBe(1);
    expect(clock.now()).toBe(300);
  });

  it("runs a timer scheduled by a timer when it falls due within the same advance, and not before", () => {
    const clock = manualClock(0);
    const ran: number[] = [];
    clock.setTimeout(() => {
      ran.push(clock.now());
      clock.setTimeout(() => ran.push(clock.now()), 50);
      clock.setTimeout(() => ran.push(clock.now()), 500);
    }, 100);
    clock.advance(200);
    expect(ran).toEqual([100, 150]);
    clock.advance(400);
    expect(ran).toEqual([100, 150, 600]);
  });

  it("never runs a cancelled timer", () => {
    const clock = manualClock(0);
    const ran: string[] = [];
    const timer = clock.setTimeout(() => ran.push("cancelled"), 10);
    clock.setTimeout(() => ran.push("kept"), 10);
    clock.clearTimeout(timer);
    clock.advance(10);
    expect(ran).toEqual(["kept"]);
    expect(clock.pending).toBe(0);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("refuses to advance by %s, naming the rule", (ms) => {
    expect(() => manualClock().advance(ms)).toThrow(`advance(ms) takes a finite number of milliseconds from 0 up, not ${ms}`);
  });
});

describe("systemClock", () => {
  it("reads the real time and runs a scheduled callback", async () => {
    const before = Date.now();
    expect(systemClock.now()).toBeGreaterThanOrEqual(before);
    await new Promise<void>((resolve) => systemClock.setTimeout(resolve, 1));
  });
});
