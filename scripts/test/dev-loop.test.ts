// `pnpm dev` on a copy of the repo (it edits spec files, so never on the tree the other tests read): a save reaches
// the mock on the same port and the generated types; a spec that no longer lints is reported with file and line,
// and the mock keeps answering from the last good bundle.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../lib/net.mjs";
import { installedCopy } from "../lib/repo-copy.mjs";
import { waitFor } from "../lib/wait.mjs";

let copy: { root: string; remove(): void };
let dev: ChildProcess | undefined;
let log = "";
let mockUrl = "";

// A save until what it changes is served or written took up to 17 s on a busy 2-core machine (and over 120 s with
// several builds beside it): the deadline only catches a hang, and on giving up the error shows all pnpm dev printed.
const REBUILD_DEADLINE_MS = 600_000;

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  await waitFor(check, { what: `pnpm dev: ${what}`, deadlineMs: REBUILD_DEADLINE_MS, seen: () => `pnpm dev printed:\n${log}` });
}

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
  await until(() => log.includes("watching spec/"), "never started watching");
});

afterAll(async () => {
  if (dev && dev.exitCode === null) {
    // Ctrl-C, as a person would stop it; a dev loop that does not stop within 10 s is killed and the test fails.
    const exited = new Promise<number | null>((resolve) => dev!.once("exit", (code) => resolve(code)));
    dev.kill("SIGINT");
    const timer = setTimeout(() => dev!.kill("SIGKILL"), 10_000);
    const code = await exited;
    clearTimeout(timer);
    expect(code, `pnpm dev did not stop cleanly on SIGINT:\n${log}`).toBe(0);
  }
  copy?.remove();
});

describe("pnpm dev", () => {
  it("serves a saved change from the mock on the same port", async () => {
    expect(await notFoundMessage()).toBe("pool not found");
    const original = readFileSync(example(), "utf8");
    writeFileSync(example(), original.replace("pool not found", "pool not found (edited)"));
    try {
      await until(async () => (await notFoundMessage()) === "pool not found (edited)", "the mock never served the change");
    } finally {
      writeFileSync(example(), original);
    }
    await until(async () => (await notFoundMessage()) === "pool not found", "the mock never served the restored file");
  });

  it("regenerates the types and says in one line what it rebuilt and how long it took", async () => {
    const schema = join(copy.root, "spec", "components", "schemas", "ModelArtsError.yaml");
    const original = readFileSync(schema, "utf8");
    const from = log.length;
    writeFileSync(schema, original.replace("description: Error message.", "description: Error message, as ModelArts words it."));
    try {
      const report = /components\/schemas\/ModelArtsError\.yaml → bundle [\d.]+ s, mock [\d.]+ s, types [\d.]+ s, docs [\d.]+ s/;
      await until(() => report.test(log.slice(from)), "no one-line report of the rebuild");
      const generated = readFileSync(join(copy.root, "packages", "types", "src", "generated", "openapi.ts"), "utf8");
      expect(generated).toContain("Error message, as ModelArts words it.");
      expect(readFileSync(join(copy.root, "apps", "docs", "dist", "openapi.json"), "utf8")).toContain("Error message, as ModelArts words it.");
    } finally {
      writeFileSync(schema, original);
    }
  });

  it("reports a spec that no longer lints with file and line, and keeps serving the last good build", async () => {
    const original = readFileSync(example(), "utf8");
    const from = log.length;
    writeFileSync(example(), `${original}  broken: [\n`);
    await until(() => log.slice(from).includes("no longer lints"), "never reported the broken spec");
    expect(log.slice(from)).toMatch(/components\/examples\/poolNotFound\.yaml:\n\s+\d+:\d+\s+error/);
    expect(await notFoundMessage()).toBe("pool not found");
    writeFileSync(example(), original);
  });
});
