#!/usr/bin/env node
// `pnpm dev`: the loop for people who edit the spec. It builds once, serves the mock (127.0.0.1:4010) and the docs
// (127.0.0.1:8080), then on every save under spec/: lints, re-bundles, and in parallel reloads the mock on the same
// port, regenerates the types and rebuilds the docs page — and says in one line what it rebuilt and how long it took.
// A spec that no longer lints is reported with file and line, and the last good artifacts stay served.
// Flags: --mock-port N, --docs-port N, --host H, --stateful, --no-initial-build.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, renameSync, watch, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { runPassingSignals } from "./lib/child.mjs";
import { pruneUnreachable } from "./lib/package-files.mjs";
import { parseServerFlags, startServers } from "./lib/servers.mjs";
import { onToolchainNode } from "./lib/toolchain-node.mjs";

await onToolchainNode();

const root = fileURLToPath(new URL("..", import.meta.url));
const specDir = join(root, "spec");

// The rebuild steps running now: stopping `pnpm dev` stops them too, and waits until they have exited.
const running = new Set();

/** Runs a command to completion; resolves with its exit code and output (never rejects). */
function run(command, args, cwd = root) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } });
    const step = { child, exited: new Promise((done) => child.once("close", done)) };
    running.add(step);
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => {
      running.delete(step);
      resolve({ code, output });
    });
  });
}

async function stopRunningSteps() {
  const steps = [...running];
  for (const { child } of steps) child.kill("SIGTERM");
  await Promise.all(steps.map((step) => step.exited));
}

const node = process.execPath;
const redocly = join(specDir, "node_modules", ".bin", "redocly");
const tsc = join(root, "node_modules", ".bin", "tsc");

// The flags are checked before the initial build: a mistake costs no build. Their defaults live in the built
// packages, which startServers reads after it.
const flags = parseServerFlags(process.argv.slice(2), {
  command: "pnpm dev",
  extra: { "no-initial-build": { type: "boolean" } },
  extraUsage: " [--no-initial-build]",
});
if (!flags["no-initial-build"]) {
  const code = await runPassingSignals("pnpm", ["turbo", "run", "build", "--output-logs=errors-only"], { cwd: root });
  if (code !== 0) process.exit(code);
}

// Loaded once, here, rather than spawned per save: starting them costs more than their work.
const { stringify: stringifyYaml } = createRequire(join(specDir, "package.json"))("yaml");
const { generateOpenApiTypes, generatedFile } = await import("../packages/types/scripts/generate.mjs");

// On Ctrl-C or SIGTERM the watchers (set up below, once the servers answer) are closed and any rebuild step is
// stopped before the servers close.
const { mock, docs } = await startServers(flags, async () => {
  for (const watcher of watchers) watcher.close();
  await stopRunningSteps();
});

const seconds = (started) => `${((performance.now() - started) / 1000).toFixed(2)} s`;

/** Lint → bundle → (mock | types | docs) in parallel. Resolves when all of it is done. */
async function rebuild(changed) {
  const started = performance.now();
  const lint = await run(redocly, ["lint", "openapi.yaml", "--format", "stylish"], specDir);
  if (lint.code !== 0) {
    const problems = lint.output.split("\n").filter((line) => /^\S.*\.ya?ml:$|^\s+\d+:\d+\s+(error|warning)/.test(line));
    console.log(`[dev] ${changed}: the spec no longer lints; still serving the last good build\n${problems.join("\n")}`);
    return;
  }
  // One bundle, to a scratch file: the served dist/ files change only once the bundle is whole.
  const bundled = await run(redocly, ["bundle", "openapi.yaml", "--output", "dist/.dev-bundle.json"], specDir);
  if (bundled.code) return void console.log(`[dev] ${changed}: bundling failed; still serving the last good build\n${bundled.output}`);
  const document = JSON.parse(readFileSync(join(specDir, "dist", ".dev-bundle.json"), "utf8"));
  writeFileSync(join(specDir, "dist", "openapi.yaml"), stringifyYaml(document));
  renameSync(join(specDir, "dist", ".dev-bundle.json"), join(specDir, "dist", "openapi.json"));
  const bundledAt = seconds(started);

  const timings = {};
  // A step that fails (a spec that lints but that Prism or openapi-typescript refuses) is reported in the line;
  // the other steps and the loop go on, and what that step serves stays as it was.
  const step = async (name, work) => {
    try {
      const result = await work();
      timings[name] = result?.code ? `FAILED\n${result.output}` : seconds(started);
    } catch (error) {
      timings[name] = `FAILED (${error?.message ?? error})`;
    }
  };
  await Promise.all([
    step("mock", () => mock.reload()),
    step("types", async () => {
      writeFileSync(generatedFile, await generateOpenApiTypes());
      const typesDir = join(root, "packages", "types");
      const compiled = await run(tsc, ["-p", "tsconfig.json"], typesDir);
      // As the package's own build does: dist/ keeps only what its exports reach, so that a pack after `pnpm dev`
      // holds what a release holds (tsc alone also leaves dist/generated/openapi.js, an empty module).
      if (!compiled.code) pruneUnreachable(typesDir);
      return compiled;
    }),
    step("docs", async () => {
      const built = await run(node, ["dist/build.js", "--fast"], join(root, "apps", "docs"));
      if (!built.code) docs.reload();
      return built;
    }),
  ]);
  console.log(`[dev] ${changed} → bundle ${bundledAt}, mock ${timings.mock}, types ${timings.types}, docs ${timings.docs}`);
}

// Saves come in bursts (editors write twice, a git checkout touches many files): one rebuild per burst, never two
// at once (they would share dist/), and saves during a rebuild get exactly one more rebuild after it.
let pending;
let changedFile;
let rebuilding = false;
function schedule(file) {
  changedFile = file;
  clearTimeout(pending);
  pending = setTimeout(rebuildWhileChanged, 50);
}
async function rebuildWhileChanged() {
  if (rebuilding) return; // the running loop below sees changedFile when it is done
  rebuilding = true;
  try {
    while (changedFile !== undefined) {
      const file = changedFile;
      changedFile = undefined;
      await rebuild(file).catch((error) => console.log(`[dev] ${file}: rebuild failed: ${error?.message ?? error}`));
    }
  } finally {
    rebuilding = false;
  }
}

// One watcher per folder of the spec's sources, not per file: editors save by writing a new file and renaming it
// over the old one, which a watcher of the old file never hears about (nor does Node 20's recursive watch on Linux).
function sourceFolders(dir) {
  const skip = new Set(["dist", "node_modules", "test", "src", "scripts"]);
  return [dir, ...readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !skip.has(entry.name))
    .flatMap((entry) => sourceFolders(join(dir, entry.name)))];
}
const watchers = sourceFolders(specDir).map((folder) =>
  watch(folder, (_event, file) => {
    if (file && /\.ya?ml$/.test(file)) schedule(relative(specDir, join(folder, file)));
  }),
);
// Said only once the watchers exist, so that a save right after this line is seen.
console.log(`[dev] mock ${mock.url}  docs ${docs.url}  watching spec/ — Ctrl-C stops`);
