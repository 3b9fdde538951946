#!/usr/bin/env node
// The two Quick-start commands (`npm start`, `npm test`) land here on a machine that has only Node and npm:
// this file moves onto the toolchain's Node (lib/toolchain-node.mjs: Node 24, fetched from the npm registry into
// .tools/ when the machine's is older), fetches the pinned pnpm into .tools/ (corepack cannot be relied on), installs
// the workspace, then runs the task. It uses Node built-ins only (and scripts/lib modules that do), because nothing else is
// installed yet when it starts. `npm start`'s flags are checked first, before the install and the build. Every step
// runs as a child that SIGINT and SIGTERM are passed on to: `kill <pid>` of this script stops what it started.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runPassingSignals } from "./lib/child.mjs";
import { checkPortsFree, parseServerFlags } from "./lib/servers.mjs";
import { durationsFile, slowestLines } from "./lib/file-durations-reporter.mjs";
import { failuresOf } from "./lib/vitest-report.mjs";
import { onToolchainNode } from "./lib/toolchain-node.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const pinned = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager.split("@")[1];
const tools = join(root, ".tools");

function pnpmOnPath() {
  try {
    return execFileSync("pnpm", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

async function ensurePnpm() {
  if (pnpmOnPath() === pinned) return;
  const local = join(tools, "node_modules", ".bin");
  if (!existsSync(join(local, "pnpm")) || readPnpmVersion() !== pinned) {
    console.log(`[run] installing pnpm@${pinned} into .tools/`);
    await run("npm", ["install", "--prefix", tools, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", `pnpm@${pinned}`]);
  }
  process.env.PATH = `${local}${delimiter}${process.env.PATH}`;
}

function readPnpmVersion() {
  try {
    return JSON.parse(readFileSync(join(tools, "node_modules", "pnpm", "package.json"), "utf8")).version;
  } catch {
    return undefined;
  }
}

/** Runs a step; a step that fails (or is stopped) ends the task with its exit code. */
async function run(command, args) {
  const code = await runPassingSignals(command, args, { cwd: root });
  if (code !== 0) process.exit(code);
}

const tasks = {
  // Build everything, then serve the mock and the docs and print their URLs.
  start: async () => {
    await run("pnpm", ["turbo", "run", "build"]);
    await run(process.execPath, ["scripts/serve.mjs", ...process.argv.slice(3)]);
  },
  // Every test: build (bundle, generate, compile), lint, then one vitest run over every project, closing with the
  // ten slowest test files and one plain "N passed, N failed" line that any CI can read.
  test: async () => {
    await run(process.execPath, ["scripts/ensure-chromium.mjs"]);
    await run("pnpm", ["turbo", "run", "build", "lint"]);
    const results = join(root, ".vitest", "results.json");
    const durations = durationsFile(root);
    // A run that dies before writing them must not report the last run's counts or times.
    for (const file of [results, durations]) rmSync(file, { force: true });
    const reporters = ["--reporter=default", "--reporter=json", `--outputFile.json=${results}`, "--reporter=./scripts/lib/file-durations-reporter.mjs"];
    const vitest = await runPassingSignals("pnpm", ["vitest", "run", ...reporters, ...process.argv.slice(3)], { cwd: root });
    if (existsSync(durations)) console.log(`\nthe ten slowest test files:\n${slowestLines(JSON.parse(readFileSync(durations, "utf8"))).join("\n")}`);
    if (existsSync(results)) {
      // Failures as the soak counts them: a file that fails with no failed test (an empty suite, a failed hook) counts.
      const { passed, failures } = failuresOf(results, root, vitest);
      const { numPendingTests, numTodoTests } = JSON.parse(readFileSync(results, "utf8"));
      const skipped = numPendingTests + numTodoTests;
      console.log(`\nvitest: ${passed} passed, ${failures.length} failed${skipped ? `, ${skipped} skipped` : ""}`);
      for (const { test, message } of failures) console.log(`  ✗ ${test}: ${message}`);
    }
    if (vitest !== 0) process.exit(vitest);
  },
};

const task = process.argv[2];
if (!task || !(task in tasks)) {
  console.error(`usage: node scripts/run.mjs <${Object.keys(tasks).join("|")}>`);
  process.exit(2);
}
// A mistyped flag is reported now, in one line, rather than after an install and a build.
// A busy port too: `npm start` says so before it installs and builds.
if (task === "start") await checkPortsFree(parseServerFlags(process.argv.slice(3), { command: "npm start", usage: "npm start --" }));
await onToolchainNode();
await ensurePnpm();
await run("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"]);
await tasks[task]();
