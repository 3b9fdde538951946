// Measures the `pnpm dev` loop: from saving a spec file to the mock answering the change, and to the dev script's
// one-line report that the types and the docs are fresh. Each run edits one example's error_msg and restores it.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "./net.mjs";
import { median } from "./stats.mjs";
import { waitFor } from "./wait.mjs";

export async function devLoopFigures(root, runs) {
  const [mockPort, docsPort] = [await freePort(), await freePort()];
  const dev = spawn(process.execPath, ["scripts/dev.mjs", "--no-initial-build", "--mock-port", String(mockPort), "--docs-port", String(docsPort)], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let log = "";
  dev.stdout.on("data", (chunk) => (log += chunk));
  // Polled every 10 ms: the figures are only as fine as the polling.
  const until = (check, what, deadlineMs) => waitFor(check, { what: `dev loop: ${what}`, deadlineMs, intervalMs: 10, seen: () => log });
  const logged = (pattern, from) => until(() => pattern.test(log.slice(from)), `${pattern}`, 30_000);
  const file = join(root, "spec", "components", "examples", "poolNotFound.yaml");
  const original = readFileSync(file, "utf8");
  const answered = (marker) =>
    until(
      async () => {
        const response = await fetch(`http://127.0.0.1:${mockPort}/v2/bench/pools/p`, {
          method: "PATCH",
          headers: { "content-type": "application/merge-patch+json", "x-auth-token": "bench", prefer: "code=404" },
          body: "{}",
        });
        return (await response.text()).includes(marker);
      },
      `the mock answering ${marker}`,
      10_000,
    );
  const mockMs = [];
  const freshMs = [];
  try {
    await logged(/watching spec/, 0);
    for (let i = 0; i < runs; i++) {
      const marker = `pool not found (bench ${i})`;
      const from = log.length;
      const saved = performance.now();
      writeFileSync(file, original.replace("pool not found", marker));
      await answered(marker);
      mockMs.push(performance.now() - saved);
      await logged(/→ bundle .* docs [\d.]+ s/, from);
      freshMs.push(performance.now() - saved);
      const restoredFrom = log.length;
      writeFileSync(file, original);
      await logged(/→ bundle .* docs [\d.]+ s/, restoredFrom);
    }
  } finally {
    writeFileSync(file, original);
    dev.kill("SIGINT");
  }
  return {
    package: "dev-loop",
    figures: [
      { name: "save → mock serving the change", value: Math.round(median(mockMs)), unit: "ms", target: "≤ 2000", comparison: `median of ${runs} saves of an example, polled every 10 ms` },
      { name: "save → types and docs fresh", value: Math.round(median(freshMs)), unit: "ms", target: "≤ 3000", comparison: `median of ${runs} saves, until pnpm dev reports the rebuild` },
    ],
  };
}
