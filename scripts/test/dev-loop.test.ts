// `pnpm dev` on a copy of the repo (it edits spec files, so never on the tree the other tests read): a save reaches
// the mock on the same port and the generated types; a spec that no longer lints is reported with file and line,
// and the mock keeps answering from the last good bundle.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../lib/net.mjs";
import { commandsDeadline, installedCopy } from "../lib/repo-copy.mjs";
import { waitFor } from "../lib/wait.mjs";

let copy: { root: string; remove(): void };
let dev: ChildProcess | undefined;
let log = "";
let mockUrl = "";

// Deadlines that only catch a hang (at least 5× the slowest run measured on the 2-core machine with two busy processes
// beside it and other work on it), never a judgement of speed: that is `pnpm bench`'s (scripts/lib/dev-loop-bench.mjs).
// On giving up, the error shows what was awaited and all that pnpm dev printed.
const REBUILD_DEADLINE_MS = 900_000; // a save until what it changes is served or written: worst seen 84 s (once over 120 s)
const STOP_DEADLINE_MS = 30_000; // Ctrl-C until the loop has exited: worst seen 0.7 s

/** Waits until `check` holds; on giving up, says what it waited for, what `seen` says, and what `pnpm dev` printed. */
async function until(check: () => boolean | Promise<boolean>, what: string, seen: () => string = () => ""): Promise<void> {
  await waitFor(check, { what: `pnpm dev: ${what}`, deadlineMs: REBUILD_DEADLINE_MS, seen: () => `${seen()}pnpm dev printed:\n${log}` });
}

/** Whether the log, after `from`, reports a rebuild of `file` (the report line of a rebuild that went through). */
const rebuilt = (file: string, from: number) => log.slice(from).includes(`[dev] ${file} → bundle`);

async function notFoundMessage(): Promise<string> {
  const response = await fetch(`${mockUrl}/v2/p/pools/missing`, {
    method: "PATCH",
    headers: { "content-type": "application/merge-patch+json", "x-auth-token": "t", prefer: "code=404" },
    body: "{}",
  });
  return ((await response.json()) as { error_msg: string }).error_msg;
}

const example = () => join(copy.root, "spec", "components", "examples", "poolNotFound.yaml");

beforeAll(async () => {
  // The working tree as it is, installed from the local store and built (from the repo's turbo cache).
  copy = installedCopy("dev-loop-");
  const [mockPort, docsPort] = [await freePort(), await freePort()];
  mockUrl = `http://127.0.0.1:${mockPort}`;
  dev = spawn(process.execPath, ["scripts/dev.mjs", "--no-initial-build", "--mock-port", String(mockPort), "--docs-port", String(docsPort)], {
    cwd: copy.root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  dev.stdout!.on("data", (chunk) => (log += chunk));
  dev.stderr!.on("data", (chunk) => (log += chunk));
  await until(() => log.includes("watching spec/"), "started watching spec/");
}, commandsDeadline(2) + REBUILD_DEADLINE_MS); // installedCopy's install and build, then the loop's start

afterAll(async () => {
  if (dev && dev.exitCode === null) {
    // Ctrl-C, as a person would stop it; a dev loop that has not stopped by the deadline is killed and the test fails.
    const exited = new Promise<number | null>((resolve) => dev!.once("exit", (code) => resolve(code)));
    dev.kill("SIGINT");
    const timer = setTimeout(() => dev!.kill("SIGKILL"), STOP_DEADLINE_MS);
    const code = await exited;
    clearTimeout(timer);
    expect(code, `pnpm dev did not stop on SIGINT within ${STOP_DEADLINE_MS} ms (killed), or not cleanly:\n${log}`).toBe(0);
  }
  copy?.remove();
}, STOP_DEADLINE_MS + 60_000);

// Each test puts back the file it edited and waits until that is rebuilt, so that the next one, whichever it is,
// starts from the same spec.
describe("pnpm dev", () => {
  it("serves a saved change from the mock on the same port", async () => {
    expect(await notFoundMessage()).toBe("pool not found");
    const original = readFileSync(example(), "utf8");
    let answered = "";
    const serves = (message: string) => async () => (answered = await notFoundMessage()) === message;
    const seen = () => `the mock's last answer: ${JSON.stringify(answered)}\n`;
    let from = log.length;
    writeFileSync(example(), original.replace("pool not found", "pool not found (edited)"));
    try {
      await until(serves("pool not found (edited)"), "the mock serving the edited example", seen);
    } finally {
      from = log.length;
      writeFileSync(example(), original);
    }
    await until(serves("pool not found"), "the mock serving the restored example", seen);
    await until(() => rebuilt("components/examples/poolNotFound.yaml", from), "the rebuild of the restored example");
  }, 3 * REBUILD_DEADLINE_MS);

  it("regenerates the types and says in one line what it rebuilt and how long it took", async () => {
    const schema = join(copy.root, "spec", "components", "schemas", "ModelArtsError.yaml");
    const original = readFileSync(schema, "utf8");
    const generated = () => readFileSync(join(copy.root, "packages", "types", "src", "generated", "openapi.ts"), "utf8");
    let from = log.length;
    writeFileSync(schema, original.replace("description: Error message.", "description: Error message, as ModelArts words it."));
    try {
      const report = /components\/schemas\/ModelArtsError\.yaml → bundle [\d.]+ s, mock [\d.]+ s, types [\d.]+ s, docs [\d.]+ s/;
      await until(() => report.test(log.slice(from)), "a one-line report of the rebuild");
      expect(generated()).toContain("Error message, as ModelArts words it.");
      // The types' dist/ as their own build leaves it (what a pack after `pnpm dev` would hold).
      expect(readdirSync(join(copy.root, "packages", "types", "dist", "generated"))).toEqual(["openapi.d.ts"]);
      expect(readFileSync(join(copy.root, "apps", "docs", "dist", "openapi.json"), "utf8")).toContain("Error message, as ModelArts words it.");
    } finally {
      from = log.length;
      writeFileSync(schema, original);
    }
    await until(() => rebuilt("components/schemas/ModelArtsError.yaml", from), "the rebuild of the restored schema");
    expect(generated()).not.toContain("Error message, as ModelArts words it.");
  }, 3 * REBUILD_DEADLINE_MS);

  it("reports a spec that no longer lints with file and line, and keeps serving the last good build", async () => {
    const original = readFileSync(example(), "utf8");
    let from = log.length;
    writeFileSync(example(), `${original}  broken: [\n`);
    try {
      await until(() => log.slice(from).includes("no longer lints"), "a report of the broken spec");
      expect(log.slice(from)).toMatch(/components\/examples\/poolNotFound\.yaml:\n\s+\d+:\d+\s+error/);
      expect(await notFoundMessage()).toBe("pool not found");
    } finally {
      from = log.length;
      writeFileSync(example(), original);
    }
    await until(() => rebuilt("components/examples/poolNotFound.yaml", from), "the rebuild of the restored example");
  }, 3 * REBUILD_DEADLINE_MS);
});
