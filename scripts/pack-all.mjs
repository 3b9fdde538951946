#!/usr/bin/env node
// `pnpm pack:all [--out DIR]`: every publishable package built and packed into one folder (default .tarballs/), as a
// publish would pack them (pnpm pack: workspace and catalog versions rewritten), with no version bumped, no changeset
// consumed and no file of the repo changed (unlike `pnpm release`); then the one npm install line that installs them
// together, which they need: the client's tarball depends on the types', the mock's on the others.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = dirname(dirname(fileURLToPath(import.meta.url)));

let values;
try {
  ({ values } = parseArgs({ args: process.argv.slice(2)[0] === "--" ? process.argv.slice(3) : process.argv.slice(2), options: { out: { type: "string" } }, strict: true }));
} catch (error) {
  process.stderr.write(`pnpm pack:all: ${error.message}\nusage: pnpm pack:all [--out DIR]   (default DIR: .tarballs)\n`);
  process.exit(2);
}
const out = resolve(values.out ?? join(root, ".tarballs"));

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) {
    process.stderr.write(`pnpm pack:all: \`${[command, ...args].join(" ")}\` failed${result.error ? ` (${result.error.message})` : ""}\n`);
    process.exit(result.status ?? 1);
  }
}

run("pnpm", ["turbo", "run", "build", "--output-logs=errors-only"]);
// The folder holds this pack's tarballs only: an older version's would otherwise go into the install line too.
mkdirSync(out, { recursive: true });
for (const file of readdirSync(out)) if (file.endsWith(".tgz")) rmSync(join(out, file));
run(process.execPath, [join(root, "tools", "release", "dist", "cli.js"), "pack", "--root", root, "--out", out]);
const tarballs = readdirSync(out).filter((file) => file.endsWith(".tgz")).sort().map((file) => join(out, file));
console.log(`\n[pack:all] ${tarballs.length} packages packed into ${relative(process.cwd(), out) || "."}/ (nothing in the repo changed); install them together with:`);
console.log(`npm install ${tarballs.join(" ")}`);
