#!/usr/bin/env node
// `pnpm release`: a dry-run release of the fixed group (spec, types, client, mock). It refuses when the pending
// changesets ask for less than the spec's changes need, turns the changesets into versions and CHANGELOG.md files,
// writes the new version into the spec's info.version, builds (turbo: the spec is bundled, the types generated from
// it, every package built from those), keeps the built spec as the last released one (the gate's baseline), packs
// publishable tarballs into a folder, and checks them: what each holds, publint, arethetypeswrong, engines, and that
// they are one release (the packed types are what the packed spec generates). Nothing is published from here.
//
//   node scripts/release.mjs [--out DIR] [--only check|version|build|save-released|pack|verify] [--root DIR]
//
// --root runs the steps on another copy of the repo (the tests use a temp copy); the tools come from this one.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { onToolchainNode } from "./lib/toolchain-node.mjs";

await onToolchainNode();

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({ options: { root: { type: "string" }, out: { type: "string" }, only: { type: "string" } } });
const root = resolve(values.root ?? repo);
const out = resolve(root, values.out ?? ".release");
const releaseCli = join(repo, "tools", "release", "dist", "cli.js");
const changesetBin = join(repo, "node_modules", ".bin", "changeset");

function run(command, args, cwd = root) {
  console.log(`\n[release] ${[command, ...args].join(" ")}${cwd === root ? "" : `  (in ${relative(root, cwd)})`}`);
  const result = spawnSync(command, args, { cwd, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`[release] stopped: \`${[command, ...args].join(" ")}\` failed${result.error ? ` (${result.error.message})` : ""}`);
    process.exit(result.status ?? 1);
  }
}

const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));
const specVersion = () => readJson(join(root, "spec", "package.json")).version;

const steps = {
  // The gate first: a release must not ship a breaking spec change under a minor or patch version.
  check() {
    run("pnpm", ["turbo", "run", "build", "--filter", "@modelarts-pools/release-tools"], repo);
    run("node", [releaseCli, "check", "--root", root]);
  },
  version() {
    // `changeset version` with nothing pending fails (exit 1) since changesets 3: a release without a changeset keeps
    // its versions, and the spec's info.version is still brought in line with them.
    const pending = readdirSync(join(root, ".changeset")).filter((file) => file.endsWith(".md") && file !== "README.md");
    if (pending.length === 0) console.log("\n[release] no changeset is pending: every version stays as it is");
    else run(changesetBin, ["version"]);
    run("node", [releaseCli, "sync-spec-version", "--root", root]);
  },
  build() {
    run("pnpm", ["turbo", "run", "build"]);
  },
  "save-released"() {
    const released = join(root, "tools", "release", "released", "openapi.json");
    if (existsSync(released) && readJson(released).version === specVersion()) {
      console.log(`\n[release] no new version (${specVersion()}): the released spec stays as it is`);
      return;
    }
    run("node", [releaseCli, "save-released", "--root", root]);
  },
  pack() {
    // Built again right before packing (all cache hits when nothing changed since the build step): what is packed is
    // always what the current sources build to, even when this step runs alone.
    run("pnpm", ["turbo", "run", "build", "--output-logs=errors-only"]);
    // pnpm pack rewrites workspace:* dependencies to the versions just set, as a publish would.
    run("node", [releaseCli, "pack", "--root", root, "--out", out]);
  },
  // The tarballs as they will be published: refused, naming the package and what is wrong or stale, unless each is
  // whole and they are one release.
  verify() {
    run("node", [releaseCli, "check-packages", "--root", root, "--tarballs", out]);
  },
};

const order = Object.keys(steps);
if (values.only !== undefined && !order.includes(values.only)) {
  console.error(`--only must be one of ${order.join(", ")}`);
  process.exit(2);
}
for (const step of values.only ? [values.only] : order) steps[step]();

if (!values.only || values.only === "verify") {
  console.log(`\n[release] version ${specVersion()} packed into ${relative(process.cwd(), out) || "."}/ (nothing was published):`);
  for (const file of readdirSync(out).filter((f) => f.endsWith(`-${specVersion()}.tgz`)).sort()) {
    console.log(`  ${file}  ${(statSync(join(out, file)).size / 1024).toFixed(1)} kB`);
  }
  console.log("Review the versions, CHANGELOG.md files and tools/release/released/openapi.json, commit them, then publish");
  console.log("the tarballs (or run `pnpm changeset publish`) from a machine that has registry credentials.");
}
