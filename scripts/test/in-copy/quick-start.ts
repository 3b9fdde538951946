// The README's Quick start as a person runs it, on the shared repo copy: a mistyped flag is refused before anything
// is installed (on a copy never installed); a busy port is one line; a signal to npm's process stops the servers
// before it exits (npm → scripts/run.mjs → scripts/serve.mjs, each passing it on: the servers' own handling of both
// signals is servers.e2e.test.ts's); `npm test` closes with its one-line count; `pnpm mock` and the mock's bin take
// the flags the READMEs give them. Every server here listens on a free port.
import { existsSync, rmSync } from "node:fs";
import { delimiter, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { COMMAND_DEADLINE_MS, commandsDeadline, copyEnv, copyRepo, type InstalledCopy } from "../../lib/repo-copy.mjs";
import { commandLine, spawnUntil, type SpawnedUntil } from "../../lib/spawn.mjs";
import { busyPort, portOf, portsFreed, urls } from "../support/ports.js";

export function quickStart(copy: () => InstalledCopy): void {
  describe("the Quick start", () => {
    const started: SpawnedUntil[] = [];
    afterEach(async () => {
      for (const child of started.splice(0)) await child.stop("SIGKILL");
    });

    function start([command, args]: [string, string[]], ready = /Ctrl-C stops both\./, env = copyEnv()): SpawnedUntil {
      const child = spawnUntil(command, args, { ready, timeoutMs: COMMAND_DEADLINE_MS, cwd: copy().root, env });
      started.push(child);
      return child;
    }

    // Each test runs one command (npm start, npm test, pnpm mock, the bin), its deadline COMMAND_DEADLINE_MS.
    describe("npm start", { timeout: commandsDeadline(1) }, () => {
      it("refuses `npm start -- --mockport 4020` at once: one line and the usage, exit 2, nothing installed or built", async () => {
        // A copy of its own, never installed, whatever order the tests run in.
        const fresh = copyRepo("npm-start-flag-");
        try {
          const run = spawnUntil(...commandLine("npm start -- --mockport 4020"), { cwd: fresh, env: copyEnv(), timeoutMs: COMMAND_DEADLINE_MS });
          started.push(run);
          expect(await run.exit).toBe(2);
          expect(run.output()).toContain("npm start: unknown flag --mockport (did you mean --mock-port?)\nusage: npm start -- [--stateful] [--mock-port N]");
          expect(run.output()).not.toMatch(/^\s+at /m);
          expect(existsSync(join(fresh, "node_modules"))).toBe(false);
        } finally {
          rmSync(fresh, { recursive: true, force: true });
        }
      });

      it("stops both servers when npm's own process gets SIGTERM, and exits only then", async () => {
        const run = start(commandLine("npm start -- --mock-port 0 --docs-port 0"));
        await run.ready;
        const ports = urls(run.output()).map(portOf);
        expect(ports).toHaveLength(2);
        expect(await run.stop("SIGTERM")).toBe(0);
        await portsFreed(ports);
      });

      it("reports a busy port in one line naming the port and the flag that moves it, exit non-zero, no stack", async () => {
        const busy = await busyPort();
        try {
          const run = start(commandLine(`npm start -- --mock-port ${busy.port} --docs-port 0`));
          const code = await run.exit;
          expect(code).not.toBe(0);
          expect(run.output()).toContain(`\nport ${busy.port} on 127.0.0.1 is in use: pass --mock-port N to choose another (0 picks a free one)\n`);
          expect(run.output()).not.toMatch(/^\s+at /m);
          // Said before anything is installed or built.
          expect(run.output()).not.toMatch(/pnpm install|turbo run build|Tasks:/);
        } finally {
          await busy.release();
        }
      });
    });

    describe("npm test", { timeout: commandsDeadline(1) }, () => {
      it("installs, builds, lints, runs vitest and closes with the slowest files and one plain count line", async () => {
        // The README's command, given one small test file so that it does not run this suite again.
        const run = start(commandLine("npm test -- --project types test/no-runtime.test.ts"), /\nvitest: \d+ passed, \d+ failed.*\n/);
        await run.ready;
        expect(await run.exit).toBe(0);
        expect(run.output()).toMatch(/\nvitest: [1-9]\d* passed, 0 failed\n/);
        // Before its count, where the time went: the slowest files (here the one file run) with their times.
        expect(run.output()).toMatch(/\nthe ten slowest test files:\n +\d+\.\d s {2}packages\/types\/test\/no-runtime\.test\.ts\n\nvitest: /);
      });
    });

    describe("the mock on its own", { timeout: commandsDeadline(1) }, () => {
      /** Creates the same pool twice: 200 then 409 is the stateful mode; the examples mode answers 200 twice. */
      async function createTwice(url: string): Promise<number[]> {
        const create = () =>
          fetch(`${url}/v2/p1/pools`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-auth-token": "any" },
            body: JSON.stringify({
              apiVersion: "v2",
              kind: "Pool",
              metadata: { labels: { "os.modelarts/name": "pool-001" } },
              spec: { type: "Dedicate", scope: ["Train"], network: { name: "net-0123" }, resources: [{ flavor: "modelarts.vm.cpu.4ud", count: 1 }] },
            }),
          });
        return [(await create()).status, (await create()).status];
      }

      it("`pnpm mock -- --stateful --port 0` builds the mock and serves it in stateful mode", async () => {
        const mock = start(commandLine("pnpm mock -- --stateful --port 0"), /http:\/\/127\.0\.0\.1:\d+/);
        const [url] = await mock.ready;
        expect(await createTwice(url!)).toEqual([200, 409]);
        expect(await mock.stop("SIGTERM")).toBe(0);
      });

      it("`modelarts-pools-mock --port 0 --stateful`, the bin as a package that depends on the mock has it linked", async () => {
        // A workspace package that depends on the mock (the docs) has the bin linked where any installed dependent would.
        const env = copyEnv();
        env.PATH = `${join(copy().root, "apps", "docs", "node_modules", ".bin")}${delimiter}${env.PATH}`;
        const mock = start(commandLine("modelarts-pools-mock --port 0 --stateful"), /http:\/\/127\.0\.0\.1:\d+/, env);
        const [url] = await mock.ready;
        expect(await createTwice(url!)).toEqual([200, 409]);
        expect(await mock.stop("SIGINT")).toBe(0);
      });
    });
  });
}
