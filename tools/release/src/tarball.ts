// What a published package's tarball must be, checked on the tarball itself (as `pnpm pack` makes it, which is what
// a publish uploads): it declares a Node range inside the repo's, carries the MIT LICENSE and a README, holds every file its
// exports, bin and imports reach and nothing else, and passes publint --strict and arethetypeswrong.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import semver from "semver";
// The repo's one rule of what a package's users reach, shared with the packages' builds (which prune the rest).
import { filesUnder, reachableFiles } from "../../../scripts/lib/package-files.mjs";

const toolBin = (name: string) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

/** Files every package may carry whether or not code reaches them (npm shows them on the package's page). */
const documents = new Set(["package.json", "README.md", "LICENSE", "CHANGELOG.md"]);

export interface Manifest {
  name: string;
  version: string;
  license?: string;
  engines?: { node?: string };
  exports?: unknown;
  types?: string;
  main?: string;
  bin?: string | Record<string, string>;
  dependencies?: Record<string, string>;
}

export interface Unpacked {
  /** The folder holding package.json (the tarball's `package/`). */
  dir: string;
  manifest: Manifest;
  /** Every file, relative to `dir`, with `/` separators. */
  files: string[];
  remove(): void;
}

/** Packs `packageDir` with pnpm (workspace: versions rewritten, as a publish would) into `destination`. */
export function pack(packageDir: string, destination: string): string {
  const before = new Set(existsSync(destination) ? readdirSync(destination) : []);
  execFileSync("pnpm", ["pack", "--pack-destination", destination], { cwd: packageDir, stdio: "pipe" });
  const made = readdirSync(destination).filter((file) => file.endsWith(".tgz") && !before.has(file));
  if (made.length !== 1) throw new Error(`pnpm pack in ${packageDir} made ${made.length} tarballs in ${destination}`);
  return join(destination, made[0]!);
}

export function unpack(tarball: string): Unpacked {
  const into = mkdtempSync(join(tmpdir(), "unpacked-"));
  execFileSync("tar", ["-xzf", tarball, "-C", into]);
  const dir = join(into, "package");
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
  return { dir, manifest, files: filesUnder(dir).sort(), remove: () => rmSync(into, { recursive: true, force: true }) };
}

/** What is wrong with an unpacked tarball's contents, each problem one sentence naming the file or field. */
export function contentProblems(unpacked: Unpacked, nodeRange: string): string[] {
  const problems: string[] = [];
  const { manifest, files } = unpacked;
  // Inside, not equal: the mock needs Node 24.18+ (its Prism does) where the others run on all of the repo's range.
  const own = manifest.engines?.node;
  if (own === undefined || semver.validRange(own) === null || !semver.subset(own, nodeRange)) {
    problems.push(`package.json engines.node is ${JSON.stringify(own)}; every published package declares a range inside the repo's "${nodeRange}"`);
  }
  if (manifest.license !== "MIT") problems.push(`package.json license is ${JSON.stringify(manifest.license)}, not "MIT"`);
  const license = files.includes("LICENSE") ? readFileSync(join(unpacked.dir, "LICENSE"), "utf8") : undefined;
  if (license === undefined) problems.push("no LICENSE file");
  else if (!license.startsWith("MIT License") || !license.includes("modelarts-pools contributors")) {
    problems.push("LICENSE is not the MIT license of the modelarts-pools contributors");
  }
  if (!files.includes("README.md")) problems.push("no README.md");
  const reachable = reachableFiles(unpacked.dir, manifest);
  for (const file of reachable) if (!files.includes(file)) problems.push(`${file} is named by an export, bin or import but is not in the tarball`);
  for (const file of files) {
    if (!reachable.has(file) && !documents.has(file)) problems.push(`${file} is in the tarball but no export, bin or import reaches it`);
  }
  return problems;
}

/** publint --strict and arethetypeswrong (ESM only, as every package is) on the tarball; their output when they fail. */
export async function linterProblems(tarball: string, manifest: Manifest): Promise<string[]> {
  // Data files (openapi.yaml) are exported to be read from disk, not imported: attw cannot resolve them as modules.
  const dataEntries = Object.keys(isRecord(manifest.exports) ? manifest.exports : {}).filter((entry) => /\.ya?ml$/.test(entry));
  const exclude = dataEntries.length ? ["--exclude-entrypoints", ...dataEntries] : [];
  const [publint, attw] = await Promise.all([
    run(toolBin("publint"), ["--strict", tarball]),
    run(toolBin("attw"), [tarball, "--profile", "esm-only", "--format", "ascii", ...exclude]),
  ]);
  return [publint && `publint --strict failed:\n${publint}`, attw && `arethetypeswrong failed:\n${attw}`].filter((problem) => problem !== undefined);
}

/** Runs a linter; resolves with its output when it fails, undefined when it passes. */
function run(command: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(command, args, { encoding: "utf8", maxBuffer: 16 << 20 }, (error, stdout, stderr) => resolve(error ? `${stdout}${stderr}` : undefined));
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The file name `pnpm pack` gives a package's tarball: `@modelarts-pools/spec` 0.1.0 → modelarts-pools-spec-0.1.0.tgz. */
export function tarballName(manifest: Pick<Manifest, "name" | "version">): string {
  return `${manifest.name.replace(/^@/, "").replace("/", "-")}-${manifest.version}.tgz`;
}
