// CPU-bound processes that keep the machine busy while something else runs (`pnpm test:soak`): each spins one core.
// Each also stops by itself once the process that started it is gone, so not even a `kill -9` of that one leaves
// them spinning.
import { spawn } from "node:child_process";

// Checks its parent every few million iterations (a few ms of spinning): a busy loop cannot wait for an event.
const spin = `const parent = process.ppid;
for (let i = 1; ; i++) if (i % 4e6 === 0 && process.ppid !== parent) process.exit(0);`;

/**
 * Starts `count` busy processes. `stop()` kills them and resolves once every one has exited; it is safe to call more
 * than once, and from an exit handler (where only the kill happens).
 */
export function startBusy(count) {
  const children = Array.from({ length: count }, () => spawn(process.execPath, ["-e", spin], { stdio: "ignore" }));
  const exited = children.map((child) => new Promise((resolve) => child.once("exit", resolve)));
  return {
    pids: children.map((child) => child.pid),
    stop() {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      return Promise.all(exited).then(() => undefined);
    },
  };
}
