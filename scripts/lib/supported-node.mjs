#!/usr/bin/env node
// The Node majors the README promises and a way to get a binary of any of them on a machine that has only another:
// a `node` on PATH of that major when there is one, else the `node` package of the npm registry (the only place this
// project's machines can download from), installed once into .tools/node<major>. The toolchain's Node (24, see
// toolchain-node.mjs) comes this way, and the consumer test runs the packed packages on every supported major:
//   node scripts/lib/supported-node.mjs 20     (prints the path of a Node 20 binary)
// Node built-ins only: scripts/run.mjs uses it before anything is installed.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";

const exec = promisify(execFile);
const tools = fileURLToPath(new URL("../../.tools", import.meta.url));

/**
 * The supported majors and the oldest release of each: the packages for users (spec, types, client) support both; the
 * toolchain and the mock run on 24, from 24.18 (what Prism 5.16 declares).
 */
export const SUPPORTED_NODE = { 20: "20.19.0", 24: "24.18.0" };
export const SUPPORTED_NODE_MAJORS = Object.keys(SUPPORTED_NODE).map(Number);

const parts = (version) => (/^v?(\d+)\.(\d+)\.(\d+)/.exec(version ?? "") ?? []).slice(1).map(Number);
export const majorOf = (version = process.version) => parts(version)[0] ?? Number.NaN;

/** Whether `version` is `minimum` or a later release of the same major. */
export function atLeastInMajor(version, minimum) {
  const [have, want] = [parts(version), parts(minimum)];
  if (have.length !== 3 || have[0] !== want[0]) return false;
  return have[1] > want[1] || (have[1] === want[1] && have[2] >= want[2]);
}

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

/** The first `node` on PATH that is a supported release of `major`. */
async function onPath(major) {
  for (const dir of (process.env.PATH ?? "").split(delimiter).filter(Boolean)) {
    const binary = join(dir, "node");
    if (existsSync(binary) && atLeastInMajor(await versionOf(binary), SUPPORTED_NODE[major])) return binary;
  }
  return undefined;
}

/**
 * Path of a working Node binary of a supported `major`: this process's own, or one on PATH, when it is a supported
 * release; else node@^<minimum> from npm in .tools/node<major>. `installTimeoutMs` only catches a hung install.
 */
export async function ensureNode(major, { installTimeoutMs = 600_000, log = () => {} } = {}) {
  const minimum = SUPPORTED_NODE[major];
  if (!minimum) throw new Error(`Node ${major} is not one of the supported majors (${SUPPORTED_NODE_MAJORS.join(", ")})`);
  if (atLeastInMajor(process.version, minimum)) return process.execPath;
  const found = await onPath(major);
  if (found) return found;
  const prefix = join(tools, `node${major}`);
  const binary = join(prefix, "node_modules", ".bin", "node");
  if (existsSync(binary) && atLeastInMajor(await versionOf(binary), minimum)) return binary;
  // The package's preinstall fetches the platform binary (another package of the registry): scripts must run here.
  const install = ["install", "--prefix", prefix, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--ignore-scripts=false", `node@^${minimum}`];
  log(`installing node@^${minimum} from the npm registry into ${prefix}`);
  try {
    await exec("npm", install, { timeout: installTimeoutMs });
  } catch (error) {
    const how = error.killed ? `had not finished after ${installTimeoutMs} ms and was killed` : `failed (${error.message.split("\n")[0]})`;
    throw new Error(`npm ${install.join(" ")} ${how}:\n${error.stdout ?? ""}\n${error.stderr ?? ""}`);
  }
  const installed = await versionOf(binary);
  if (!atLeastInMajor(installed, minimum)) throw new Error(`node@^${minimum} from npm gave ${installed ?? "no working binary"} at ${binary}`);
  return binary;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const major = Number(process.argv[2]);
  if (!SUPPORTED_NODE_MAJORS.includes(major)) {
    console.error(`usage: node scripts/lib/supported-node.mjs <${SUPPORTED_NODE_MAJORS.join("|")}>  (prints the path of a Node binary of that major)`);
    process.exit(2);
  }
  console.log(await ensureNode(major, { log: (line) => console.error(line) }));
}
