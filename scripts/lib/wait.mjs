// Shared by the tests that wait for something another process must do (a rebuild to land, a server to answer, a
// process to go away): poll until it has happened, and give up only at a deadline meant to catch a hang, never to
// judge speed, saying what was awaited and what was seen instead.
import { readFileSync } from "node:fs";

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves with the first truthy result of `check()` (which may be async). After `deadlineMs` it rejects with
 * "<what> within <deadlineMs> ms", the last error `check` threw (if any) and `seen()`: what was there instead.
 */
export async function waitFor(check, { what, deadlineMs, seen = () => "", intervalMs = 50 }) {
  const deadline = performance.now() + deadlineMs;
  let lastError;
  for (;;) {
    try {
      const result = await check();
      if (result) return result;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (performance.now() > deadline) {
      const failure = lastError ? `\nthe last check threw: ${lastError?.message ?? lastError}` : "";
      throw new Error(`gave up waiting: ${what} within ${deadlineMs} ms${failure}\nwhat was seen:\n${await seen()}`);
    }
    await pause(intervalMs);
  }
}

/** True once `pid` is no process (or only a zombie waiting to be reaped). */
export function processGone(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === "ESRCH";
  }
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true; // gone between the two looks
  }
}
