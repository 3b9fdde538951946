#!/usr/bin/env node
// `pnpm test:soak`: the whole vitest suite, several rounds in a row, each in a new shuffled order, while CPU-bound
// processes keep the machine busy beside it; then how often each test failed. A test that needs a quiet machine, a
// fixed order or another test's leftovers shows up here, before it costs someone a CI run.
// Flags: --rounds N (3), --busy M (2), --seed S (the first round's shuffle seed; random by default), --root DIR (the
// vitest root; this repo). Anything after `--` goes to vitest as it is: `pnpm test:soak --rounds 5 -- --project mock`.
import { spawn } from "node:child_process";
import { randomInt } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startBusy } from "./lib/busy.mjs";
import { failuresOf } from "./lib/vitest-report.mjs";
import { missingBuilds } from "./lib/workspace.mjs";
import { onToolchainNode } from "./lib/toolchain-node.mjs";

await onToolchainNode();

const repo = resolve(fileURLToPath(new URL("..", import.meta.url)));

function options(argv) {
  const separator = argv.indexOf("--");
  const { values } = parseArgs({
    args: separator === -1 ? argv : argv.slice(0, separator),
    options: { rounds: { type: "string", default: "3" }, busy: { type: "string", default: "2" }, seed: { type: "string" }, root: { type: "string" } },
  });
  const integer = (name, value, min) => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < min) throw new Error(`--${name} must be an integer of at least ${min}, not ${value}`);
    return number;
  };
  return {
    rounds: integer("rounds", values.rounds, 1),
    busy: integer("busy", values.busy, 0),
    seed: values.seed === undefined ? randomInt(1, 1_000_000) : integer("seed", values.seed, 1),
    root: resolve(values.root ?? repo),
    vitestArgs: separator === -1 ? [] : argv.slice(separator + 1),
  };
}

const count = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Starts one vitest run with this process's Node; `exit` resolves with its exit code (or the signal that ended it). */
function startVitest(root, args) {
  const manifest = createRequire(join(repo, "package.json")).resolve("vitest/package.json");
  const bin = join(dirname(manifest), JSON.parse(readFileSync(manifest, "utf8")).bin.vitest);
  const child = spawn(process.execPath, [bin, "run", ...args], { cwd: root, stdio: "inherit" });
  return { child, exit: new Promise((done) => child.once("exit", (code, signal) => done(code ?? signal))) };
}

/** Tallies the failures of each round: test → rounds it failed in, and its first failure's message. */
function tally() {
  const failures = new Map();
  return {
    add(roundFailures) {
      for (const { test, message } of roundFailures) {
        const seen = failures.get(test) ?? { rounds: 0, message };
        seen.rounds += 1;
        failures.set(test, seen);
      }
    },
    sorted: () => [...failures].sort(([a, x], [b, y]) => y.rounds - x.rounds || a.localeCompare(b)),
  };
}

async function main() {
  const { rounds, busy, seed, root, vitestArgs } = options(process.argv.slice(2));
  if (root === repo) {
    const missing = missingBuilds(repo);
    if (missing.length) throw new Error(`no build of ${missing.join(", ")} (dist/ is missing): run \`pnpm turbo run build\` first`);
  }

  const reports = mkdtempSync(join(tmpdir(), "soak-"));
  const busyProcesses = startBusy(busy);
  let vitest;
  let stopping = false;
  // Whatever ends this process ends the busy ones too (an exit handler can only send the kill, not wait for it).
  process.on("exit", () => {
    busyProcesses.stop();
    rmSync(reports, { recursive: true, force: true });
  });
  for (const [signal, number] of [["SIGINT", 2], ["SIGTERM", 15]]) {
    process.once(signal, async () => {
      stopping = true;
      console.log(`\nsoak: ${signal}: stopping vitest and the busy processes`);
      const stopped = busyProcesses.stop();
      if (vitest && vitest.child.exitCode === null && vitest.child.signalCode === null) vitest.child.kill(signal);
      await Promise.all([vitest?.exit, stopped]);
      process.exit(128 + number);
    });
  }

  console.log(
    `soak: ${count(rounds, "round")} of vitest in ${relative(repo, root) || "."}, shuffled, ` +
      `with ${count(busy, "busy process", "busy processes")} (pids ${busyProcesses.pids.join(", ") || "none"})`,
  );
  const failures = tally();
  const lines = [];
  let tests = 0;
  try {
    for (let round = 1; round <= rounds; round++) {
      const roundSeed = seed + round - 1;
      const report = join(reports, `round-${round}.json`);
      const started = performance.now();
      const args = ["--sequence.shuffle", `--sequence.seed=${roundSeed}`, "--reporter=dot", "--reporter=json", `--outputFile.json=${report}`];
      vitest = startVitest(root, [...args, ...vitestArgs]);
      const exit = await vitest.exit;
      if (stopping) return; // the signal handler exits once vitest and the busy processes are gone
      const result = failuresOf(report, root, exit);
      tests = Math.max(tests, result.total);
      failures.add(result.failures);
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      lines.push(`round ${round}/${rounds} (seed ${roundSeed}): ${result.passed} passed, ${result.failures.length} failed, ${seconds} s`);
      console.log(`soak: ${lines.at(-1)}`);
    }
  } finally {
    await busyProcesses.stop();
  }

  console.log(`\nsoak: ${lines.join("\nsoak: ")}`);
  const sorted = failures.sorted();
  if (sorted.length) console.log("\nsoak: failures per test (rounds failed / rounds run), with the first failure's message:");
  for (const [test, { rounds: failed, message }] of sorted) console.log(`  ${failed}/${rounds}  ${test}\n         ${message}`);
  const total = sorted.reduce((sum, [, { rounds: failed }]) => sum + failed, 0);
  console.log(
    `\nsoak: ${count(rounds, "round")} × ${count(tests, "test")}, ${count(busy, "busy process", "busy processes")}, ` +
      `seeds ${seed}–${seed + rounds - 1}: ${total ? `${count(total, "failure")} in ${count(sorted.length, "test")}` : "0 failures"}`,
  );
  process.exitCode = total ? 1 : 0;
}

main().catch((error) => {
  console.error(`soak: ${error?.message ?? error}`);
  process.exitCode = 2;
});
