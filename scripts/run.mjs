#!/usr/bin/env node
// The two Quick-start commands (`npm start`, `npm test`) land here on a machine that has only Node and npm:
// this file fetches the pinned pnpm into .tools/ (corepack cannot be relied on), installs the workspace,
// then runs the task. It uses Node built-ins only, because nothing else is installed yet when it starts.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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

function ensurePnpm() {
  if (pnpmOnPath() === pinned) return;
  const local = join(tools, "node_modules", ".bin");
  if (!existsSync(join(local, "pnpm")) || readPnpmVersion() !== pinned) {
    console.log(`[run] installing pnpm@${pinned} into .tools/`);
    execFileSync("npm", ["install", "--prefix", tools, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", `pnpm@${pinned}`], {
      stdio: "inherit",
    });
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

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const tasks = {
  // Build everything, then serve the mock and the docs and print their URLs.
  start: () => {
    run("pnpm", ["turbo", "run", "build"]);
    run("node", ["scripts/serve.mjs", ...process.argv.slice(3)]);
  },
  // Every test: build (bundle, generate, compile), lint, then one vitest run over every project, closing with
  // one plain "N passed, N failed" line that any CI can read.
  test: () => {
    run("node", ["scripts/ensure-chromium.mjs"]);
    run("pnpm", ["turbo", "run", "build", "lint"]);
    const results = join(root, ".vitest", "results.json");
    rmSync(results, { force: true }); // a run that dies before writing it must not report the last run's counts
    const vitest = spawnSync("pnpm", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${results}`, ...process.argv.slice(3)], {
      cwd: root,
      stdio: "inherit",
    });
    if (existsSync(results)) {
      const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = JSON.parse(readFileSync(results, "utf8"));
      const skipped = numPendingTests + numTodoTests;
      console.log(`\nvitest: ${numPassedTests} passed, ${numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`);
    }
    if (vitest.status !== 0) process.exit(vitest.status ?? 1);
  },
};

const task = process.argv[2];
if (!task || !(task in tasks)) {
  console.error(`usage: node scripts/run.mjs <${Object.keys(tasks).join("|")}>`);
  process.exit(2);
}
ensurePnpm();
run("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"]);
tasks[task]();
