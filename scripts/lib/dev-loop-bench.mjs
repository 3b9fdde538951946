// Measures the `pnpm dev` loop: from saving a spec file to the mock answering the change, and to the dev script's
// one-line report that the types and the docs are fresh. Each run edits one example's error_msg and restores it.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "./net.mjs";
import { median } from "./stats.mjs";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function devLoopFigures(root, runs) {
  const [mockPort, docsPort] = [await freePort(), await freePort()];
  const dev = spawn(process.execPath, ["scripts/dev.mjs", "--no-initial-build", "--mock-port", String(mockPort), "--docs-port", String(docsPort)], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let log = "";
  dev.stdout.on("data", (chunk) => (log += chunk));
  const waitFor = async (pattern, from, limitMs = 30_000) => {
    const deadline = performance.now() + limitMs;
    while (!pattern.test(log.slice(from))) {
      if (performance.now() > deadline) throw new Error(`dev loop: no ${pattern} within ${limitMs} ms:\n${log}`);
      await sleep(10);
    }
  };
  const file = join(root, "spec", "components", "examples", "poolNotFound.yaml");
  const original = readFileSync(file, "utf8");
  const answered = async (marker, limitMs = 10_000) => {
    const deadline = performance.now() + limitMs;
    for (;;) {
      const response = await fetch(`http://127.0.0.1:${mockPort}/v2/bench/pools/p`, {
        method: "PATCH",
        headers: { "content-type": "application/merge-patch+json", "x-auth-token": "bench", prefer: "code=404" },
        body: "{}",
      });
      if ((await response.text()).includes(marker)) return;
      if (performance.now() > deadline) throw new Error(`dev loop: the mock never answered ${marker}:\n${log}`);
      await sleep(10);
    }
  };
  const mockMs = [];
  const freshMs = [];
  try {
    await waitFor(/watching spec/, 0);
    for (let i = 0; i < runs; i++) {
      const marker = `pool not found (bench ${i})`;
      const from = log.length;
      const saved = performance.now();
      writeFileSync(file, original.replace("pool not found", marker));
      await answered(marker);
      mockMs.push(performance.now() - saved);
      await waitFor(/→ bundle .* docs [\d.]+ s/, from);
      freshMs.push(performance.now() - saved);
      const restoredFrom = log.length;
      writeFileSync(file, original);
      await waitFor(/→ bundle .* docs [\d.]+ s/, restoredFrom);
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
