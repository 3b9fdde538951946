// `pnpm dev` on the shared repo copy (it edits spec files, so never on the tree the other tests read): a save
// reaches the mock on the same port and the generated types; a spec that no longer lints is reported with file and
// line, and the mock keeps answering from the last good bundle; Ctrl-C stops it with exit 0.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../lib/net.mjs";
import { commandsDeadline, type InstalledCopy } from "../../lib/repo-copy.mjs";
import { waitFor } from "../../lib/wait.mjs";

export function devLoop(copy: () => InstalledCopy): void {
  describe("pnpm dev", () => {
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

    async function notFoundMessage(): Promise<string> {
      const response = await fetch(`${mockUrl}/v2/p/pools/missing`, {
        method: "PATCH",
        headers: { "content-type": "application/merge-patch+json", "x-auth-token": "t", prefer: "code=404" },
        body: "{}",
      });
      return ((await response.json()) as { error_msg: string }).error_msg;
    }

    const example = () => join(copy().root, "spec", "components", "examples", "poolNotFound.yaml");

    beforeAll(async () => {
      const [mockPort, docsPort] = [await freePort(), await freePort()];
      mockUrl = `http://127.0.0.1:${mockPort}`;
      dev = spawn(process.execPath, ["scripts/dev.mjs", "--no-initial-build", "--mock-port", String(mockPort), "--docs-port", String(docsPort)], {
        cwd: copy().root,
        stdio: ["ignore", "pipe", "pipe"],
      });
      dev.stdout!.on("data", (chunk) => (log += chunk));
      dev.stderr!.on("data", (chunk) => (log += chunk));
      await until(() => log.includes("watching spec/"), "started watching spec/");
    }, REBUILD_DEADLINE_MS); // the loop's start

    afterAll(async () => {
      let code: number | null = 0;
      if (dev && dev.exitCode === null) {
        // Ctrl-C, as a person would stop it; a dev loop that has not stopped by the deadline is killed and the test fails.
        const exited = new Promise<number | null>((resolve) => dev!.once("exit", (exitCode) => resolve(exitCode)));
        dev.kill("SIGINT");
        const timer = setTimeout(() => dev!.kill("SIGKILL"), STOP_DEADLINE_MS);
        code = await exited;
        clearTimeout(timer);
      }
      // The copy back as it was (the tests put back what they edited; this also drops what the loop wrote), stopped or not.
      copy().restore();
      expect(code, `pnpm dev did not stop on SIGINT within ${STOP_DEADLINE_MS} ms (killed), or not cleanly:\n${log}`).toBe(0);
    }, STOP_DEADLINE_MS + commandsDeadline(1));

    // Each save carries a mark of its own and each test waits for that mark, whatever an earlier test left (the copy
    // is put back once, after all of them): so they pass alone and in any order without waiting for the rebuilds of
    // their restores.
    const mark = () => `save ${randomUUID().slice(0, 8)}`;
    describe("on a save", () => {
      it("serves a saved change from the mock on the same port", async () => {
        const message = `pool not found (${mark()})`;
        let answered = "";
        const seen = () => `the mock's last answer: ${JSON.stringify(answered)}\n`;
        writeFileSync(example(), readFileSync(example(), "utf8").replace(/pool not found[^\n"]*/, message));
        await until(async () => (answered = await notFoundMessage()) === message, "the mock serving the edited example", seen);
      }, REBUILD_DEADLINE_MS + 60_000);

      it("regenerates the types and the docs, and says in one line what it rebuilt and how long it took", async () => {
        const schema = join(copy().root, "spec", "components", "schemas", "ModelArtsError.yaml");
        const description = `Error message (${mark()}).`;
        const generated = () => readFileSync(join(copy().root, "packages", "types", "src", "generated", "openapi.ts"), "utf8");
        const from = log.length;
        writeFileSync(schema, readFileSync(schema, "utf8").replace(/description: Error message[^\n]*/, `description: ${description}`));
        const report = /components\/schemas\/ModelArtsError\.yaml → bundle [\d.]+ s, mock [\d.]+ s, types [\d.]+ s, docs [\d.]+ s/;
        await until(() => report.test(log.slice(from)) && generated().includes(description), "a one-line report of the rebuild, and the types");
        // The types' dist/ as their own build leaves it (what a pack after `pnpm dev` would hold).
        expect(readdirSync(join(copy().root, "packages", "types", "dist", "generated"))).toEqual(["openapi.d.ts"]);
        expect(readFileSync(join(copy().root, "apps", "docs", "dist", "openapi.json"), "utf8")).toContain(description);
      }, REBUILD_DEADLINE_MS + 60_000);

      it("reports a spec that no longer lints with file and line, and keeps serving the last good build", async () => {
        const original = readFileSync(example(), "utf8");
        const served = await notFoundMessage();
        const from = log.length;
        writeFileSync(example(), `${original}  broken: [\n`);
        try {
          await until(() => log.slice(from).includes("no longer lints"), "a report of the broken spec");
          expect(log.slice(from)).toMatch(/components\/examples\/poolNotFound\.yaml:\n\s+\d+:\d+\s+error/);
          expect(await notFoundMessage()).toBe(served);
        } finally {
          writeFileSync(example(), original);
        }
      }, REBUILD_DEADLINE_MS + 60_000);
    });
  });
}
