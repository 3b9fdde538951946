#!/usr/bin/env node
// The Node majors the README promises (20.19+ and 24) and a way to get a binary of any of them on a machine that has
// only the other one: the `node` package of the npm registry, installed once into the repo's node_modules/.cache.
// The consumer test runs the packed packages on every supported major; a maintainer can run the suite on one too:
//   "$(node scripts/lib/supported-node.mjs 24)" node_modules/vitest/vitest.mjs run
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";

const exec = promisify(execFile);
const cache = fileURLToPath(new URL("../../node_modules/.cache", import.meta.url));

/** The majors the README's Quick start names; the root package.json's engines field starts at the first. */
export const SUPPORTED_NODE_MAJORS = [20, 24];

export const majorOf = (version = process.version) => Number(/^v?(\d+)\./.exec(version)?.[1]);

/** The supported majors other than the one `version` (default: this process's Node) belongs to. */
export function otherSupportedMajors(version = process.version) {
  return SUPPORTED_NODE_MAJORS.filter((major) => major !== majorOf(version));
}

async function versionOf(binary) {
  try {
    return (await exec(binary, ["--version"], { encoding: "utf8" })).stdout.trim();
  } catch {
    return undefined;
  }
}

/**
 * Path of a working Node binary of `major`: this process's own when it is one, else node@<major> from npm.
 * `installTimeoutMs` only catches a hung install.
 */
export async function ensureNode(major, installTimeoutMs = 600_000) {
  if (majorOf() === major) return process.execPath;
  const prefix = join(cache, `node${major}`);
  const binary = join(prefix, "node_modules", ".bin", "node");
  if (existsSync(binary) && majorOf(await versionOf(binary)) === major) return binary;
  // The package's preinstall fetches the platform binary, so scripts must run for this one install.
  const install = ["install", "--prefix", prefix, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--ignore-scripts=false", `node@${major}`];
  try {
    await exec("npm", install, { timeout: installTimeoutMs });
  } catch (error) {
    const how = error.killed ? `had not finished after ${installTimeoutMs} ms and was killed` : `failed (${error.message.split("\n")[0]})`;
    throw new Error(`npm ${install.join(" ")} ${how}:\n${error.stdout ?? ""}\n${error.stderr ?? ""}`);
  }
  const installed = await versionOf(binary);
  if (majorOf(installed) !== major) throw new Error(`node@${major} from npm gave ${installed ?? "no working binary"} at ${binary}`);
  return binary;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const major = Number(process.argv[2]);
  if (!SUPPORTED_NODE_MAJORS.includes(major)) {
    console.error(`usage: node scripts/lib/supported-node.mjs <${SUPPORTED_NODE_MAJORS.join("|")}>  (prints the path of a Node binary of that major)`);
    process.exit(2);
  }
  console.log(await ensureNode(major));
}
