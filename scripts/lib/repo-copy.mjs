// Shared by the tests that must change the repo to test it (edit the spec, release, break a test file, start and kill
// the servers): a temp copy of the working tree, installed from the local pnpm store (no network), whose turbo reads
// and writes the repo's own cache, so that building it costs only what the test changed.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repo = fileURLToPath(new URL("../..", import.meta.url));

/**
 * How long one command in a copy (an install, a build, a lint, a release) may take before it is taken for hung and
 * killed: a deadline that only catches a hang, never a judgement of speed. The slowest seen on the 2-core machine
 * under load took under 95 s. A test or hook that runs N commands allows N of these, plus three minutes for its own
 * waits (a port to be freed, a server to answer).
 */
export const COMMAND_DEADLINE_MS = 600_000;

/** The vitest time limit of a test or hook that runs `commands` commands in a copy, one after the other. */
export const commandsDeadline = (commands) => commands * COMMAND_DEADLINE_MS + 180_000;

/** The pinned pnpm that `npm start` installs into .tools/, else the one on PATH. */
export const pnpm = existsSync(join(repo, ".tools", "node_modules", ".bin", "pnpm")) ? join(repo, ".tools", "node_modules", ".bin", "pnpm") : "pnpm";

/** Where turbo keeps the repo's cache: .turbo/cache at the root of the main checkout (shared by git worktrees). */
export function turboCacheDir() {
  try {
    const common = execFileSync("git", ["rev-parse", "--path-format=absolute", "--git-common-dir"], { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    return join(dirname(common.trim()), ".turbo", "cache");
  } catch {
    return join(repo, ".turbo", "cache");
  }
}

/** The environment commands in a copy run with: the repo's turbo cache, pnpm on PATH, no interactive prompts. */
export function copyEnv(extra = {}) {
  const path = pnpm === "pnpm" ? process.env.PATH : `${dirname(pnpm)}${delimiter}${process.env.PATH}`;
  return { ...process.env, CI: "true", TURBO_CACHE_DIR: turboCacheDir(), PATH: path, ...extra };
}

/**
 * Copies the tracked and untracked (not ignored) files as they are in the working tree into a git repository of one
 * commit; returns the copy's root. The copy must be a git repository: outside one, turbo hashes every file of a
 * package (node_modules and dist included) instead of the files git would track, so no task of the copy would ever
 * find the repo's cache, and each `pnpm lint` in a copy would type-check every package again.
 */
export function copyRepo(prefix = "repo-copy-") {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repo, encoding: "utf8" })
    .split("\0")
    .filter((file) => file && existsSync(join(repo, file)));
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    cpSync(join(repo, file), join(root, file));
  }
  const git = (...args) => execFileSync("git", ["-c", "user.name=repo-copy", "-c", "user.email=repo-copy@localhost", "-c", "commit.gpgsign=false", ...args], { cwd: root, stdio: "ignore" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "a copy of the working tree");
  return root;
}

/** Runs a command in `root` to completion; throws with its output when it fails. */
export function runIn(root, command, args, { env = copyEnv(), timeoutMs = COMMAND_DEADLINE_MS } = {}) {
  const result = spawnSync(command, args, { cwd: root, env, encoding: "utf8", timeout: timeoutMs, maxBuffer: 64 << 20 });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${root} (${result.error?.message ?? `exit ${result.status}`}):\n${output}`);
  return output;
}

/** Every workspace package's build outputs in `root`: dist/, and src/generated/ where a generate task writes. */
function buildOutputs(root) {
  const packages = ["spec", "scripts", ...["packages", "apps", "tools"].flatMap((group) => readdirSync(join(root, group)).map((name) => join(group, name)))];
  return packages.flatMap((folder) => [join(root, folder, "dist"), join(root, folder, "src", "generated")]).filter((path) => existsSync(path));
}

/**
 * A copy, installed offline from the store and built (two commands): what a test needs before it changes something.
 * `restore()` puts back every file git knows of (tracked or not ignored) as the copy was made, and builds again so
 * that dist/ is the copy's own build once more (all cache hits: the inputs are the ones first built).
 */
export function installedCopy(prefix) {
  const root = copyRepo(prefix);
  runIn(root, pnpm, ["install", "--offline", "--frozen-lockfile"]);
  runIn(root, pnpm, ["turbo", "run", "build", "--output-logs=errors-only"]);
  return {
    root,
    restore: () => {
      execFileSync("git", ["checkout", "-q", "--", "."], { cwd: root });
      execFileSync("git", ["clean", "-fdq"], { cwd: root });
      // The build outputs go too, so that the build below restores them exactly from the cache: a cache hit writes
      // the files it saved but leaves any other file there (a step stopped halfway, as a Ctrl-C of pnpm dev stops
      // one, left dist/generated/openapi.js in the types, which the next pack carried).
      for (const output of buildOutputs(root)) rmSync(output, { recursive: true, force: true });
      runIn(root, pnpm, ["turbo", "run", "build", "--output-logs=errors-only"]);
    },
    // Retries: a process the test just stopped may still be closing a file in the copy (seen once in 20 soak rounds:
    // ENOTEMPTY after pnpm dev exited 0); Node retries rmdir on ENOTEMPTY/EBUSY with these.
    remove: () => rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }),
  };
}
