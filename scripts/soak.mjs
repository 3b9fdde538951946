#!/usr/bin/env node
// `pnpm test:soak`: the whole vitest suite, several rounds in a row, each in a new shuffled order, while CPU-bound
// processes keep the machine busy beside it; then how often each test failed. A test that needs a quiet machine, a
// fixed order or another test's leftovers shows up here, before it costs someone a CI run.
// Flags: --rounds N (3), --busy M (2), --seed S (first round's shuffle seed; random), --root DIR (the vitest root;
// this repo); anything after `--` goes to vitest as it is (`pnpm test:soak -- --project mock`).
import { spawn } from "node:child_process";
import { randomInt } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { failuresOf } from "./lib/vitest-report.mjs";
import { startBusy } from "./lib/busy.mjs";
import { missingBuilds } from "./lib/workspace.mjs";

const repo = fileURLToPath(new URL("..", import.meta.url));

function options() {
  const separator = process.argv.indexOf("--", 2);
  const own = separator === -1 ? process.argv.slice(2) : process.argv.slice(2, separator);
  const passed = separator === -1 ? [] : process.argv.slice(separator + 1);
  const { values } = parseArgs({
    args: own,
    options: { rounds: { type: "string", default: "3" }, busy: { type: "string", default: "2" }, seed: { type: "string" }, root: { type: "string" } },
  });
  const count = (name, value, min) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min) throw new Error(`--${name} must be an integer of at least ${min}, not ${value}`);
    return number;
  };
  return {
    rounds: count("rounds", values.rounds, 1),
    busy: count("busy", values.busy, 0),
    seed: values.seed === undefined ? randomInt(1, 1_000_000) : count("seed", values.seed, 1),
    root: resolve(values.root ?? repo),
    vitestArgs: passed,
  };
}

const count = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One vitest run; resolves with its exit code (or the signal that ended it). */
function runVitest(root, args, onChild) {
  const manifest = createRequire(join(repo, "package.json")).resolve("vitest/package.json");
  const vitest = join(dirname(manifest), JSON.parse(readFileSync(manifest, "utf8")).bin.vitest);
  const child = spawn(process.execPath, [vitest, "run", ...args], { cwd: root, stdio: "inherit" });
  onChild(child);
  return new Promise((done) => child.once("exit", (code, signal) => done(code ?? signal)));
}

async function main() {
  const { rounds, busy, seed, root, vitestArgs } = options();
  if (root === repo) {
    const missing = missingBuilds(repo);
    if (missing.length) {
      console.error(`soak: no build of ${missing.join(", ")} (dist/ is missing): run \`pnpm turbo run build\` first`);
      process.exit(2);
    }
  }

  const reports = mkdtempSync(join(tmpdir(), "soak-"));
  const busyProcesses = startBusy(busy);
  let vitest;
  let stopping = false;
  // Whatever ends this process ends the busy ones too (the exit handler can only send the kill, not wait for it).
  process.on("exit", () => {
    busyProcesses.stop();
    rmSync(reports, { recursive: true, force: true });
  });
  for (const [signal, number] of [["SIGINT", 2], ["SIGTERM", 15]]) {
    process.once(signal, async () => {
      stopping = true;
      console.log(`\nsoak: ${signal}: stopping vitest and the busy processes`);
      const stopped = busyProcesses.stop();
      if (vitest && vitest.exitCode === null && vitest.signalCode === null) {
        vitest.kill(signal);
        await new Promise((resolve) => vitest.once("exit", resolve));
      }
      await stopped;
      process.exit(128 + number);
    });
  }
  console.log(`soak: ${rounds} rounds of vitest in ${relative(repo, root) || "."}, shuffled, with ${busy} busy processes (pids ${busyProcesses.pids.join(", ") || "none"})`);

  try {
    await soak({ rounds, busy, seed, root, vitestArgs, reports, isStopping: () => stopping, onVitest: (child) => (vitest = child) });
  } finally {
    await busyProcesses.stop();
  }
}

async function soak({ rounds, busy, seed, root, vitestArgs, reports, isStopping, onVitest }) {
  /** test → { failed: rounds it failed in, message: its first failure }. */
  const failures = new Map();
  const lines = [];
  let testsPerRound = 0;
  for (let round = 1; round <= rounds && !isStopping(); round++) {
    const roundSeed = seed + round - 1;
    const report = join(reports, `round-${round}.json`);
    const started = performance.now();
    const args = ["--sequence.shuffle", `--sequence.seed=${roundSeed}`, "--reporter=dot", "--reporter=json", `--outputFile.json=${report}`, ...vitestArgs];
    const exit = await runVitest(root, args, onVitest);
    if (isStopping()) return; // the signal handler exits once vitest and the busy processes are gone
    const result = failuresOf(report, root, exit);
    testsPerRound = Math.max(testsPerRound, result.total);
    for (const { test, message } of result.failures) {
      const seen = failures.get(test) ?? { failed: 0, message };
      seen.failed += 1;
      failures.set(test, seen);
    }
    const line = `round ${round}/${rounds} (seed ${roundSeed}): ${result.passed} passed, ${result.failures.length} failed, ${((performance.now() - started) / 1000).toFixed(0)} s`;
    lines.push(line);
    console.log(`soak: ${line}`);
  }

  console.log(`\nsoak: ${lines.join("\nsoak: ")}`);
  const sorted = [...failures].sort(([a, x], [b, y]) => y.failed - x.failed || a.localeCompare(b));
  if (sorted.length) console.log("\nsoak: failures per test (rounds failed / rounds run):");
  for (const [test, { failed, message }] of sorted) console.log(`  ${failed}/${rounds}  ${test}\n         ${message}`);
  const total = sorted.reduce((sum, [, { failed }]) => sum + failed, 0);
  console.log(
    `\nsoak: ${count(rounds, "round")} × ${count(testsPerRound, "test")}, ${count(busy, "busy process", "busy processes")}, ` +
      `seeds ${seed}–${seed + rounds - 1}: ${total ? `${count(total, "failure")} in ${count(sorted.length, "test")}` : "0 failures"}`,
  );
  process.exitCode = total ? 1 : 0;
}

main().catch((error) => {
  console.error(`soak: ${error?.message ?? error}`);
  process.exitCode = 2;
});
