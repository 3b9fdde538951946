// waitFor (scripts/lib/wait.mjs), what every test that waits for another process uses: it returns what it waited
// for, and when it gives up it says what it waited for and what it saw instead.
import { describe, expect, it } from "vitest";
import { processGone, waitFor } from "../lib/wait.mjs";

describe("waitFor", () => {
  it("resolves with the first truthy result of the check, retrying one that throws", async () => {
    let calls = 0;
    const found = await waitFor(
      () => {
        calls += 1;
        if (calls === 1) throw new Error("not listening yet");
        return calls === 3 && "ready";
      },
      { what: "ready", deadlineMs: 600_000, intervalMs: 1 },
    );
    expect([found, calls]).toEqual(["ready", 3]);
  });

  it("gives up at the deadline, naming what it waited for, the last error and what was seen", async () => {
    const giveUp = waitFor(
      () => {
        throw new Error("connection refused");
      },
      { what: "the mock answering", deadlineMs: 20, intervalMs: 1, seen: () => "the log so far" },
    );
    await expect(giveUp).rejects.toThrow(
      "gave up waiting: the mock answering within 20 ms\nthe last check threw: connection refused\nwhat was seen:\nthe log so far",
    );
  });
});

describe("processGone", () => {
  it("is false for a live process and true for a pid no process has", () => {
    expect(processGone(process.pid)).toBe(false);
    expect(processGone(2 ** 22 + 1)).toBe(true); // above Linux's largest pid
  });
});
