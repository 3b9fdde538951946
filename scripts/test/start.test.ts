// `npm start` as a person runs it, on a copy of the repo that has never been installed: a mistyped flag is refused
// before anything is installed; a busy port is one line; and a signal to the top process (npm's, or run.mjs's) stops
// the servers it started before it exits. Every server here listens on a free port.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { copyEnv, copyRepo } from "../lib/repo-copy.mjs";
import { spawnUntil, type SpawnedUntil } from "../lib/spawn.mjs";
import { busyPort, portOf, portsFreed, urls } from "./support/ports.js";

let root: string;
beforeAll(() => {
  root = copyRepo("npm-start-");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const started: SpawnedUntil[] = [];
afterEach(async () => {
  for (const child of started.splice(0)) await child.stop("SIGKILL");
});

const ready = /Ctrl-C stops both\./;
function start(command: string, args: string[]): SpawnedUntil {
  // The first start installs (offline-first, from the store) and builds (turbo, from the repo's cache).
  const child = spawnUntil(command, args, { ready, timeoutMs: 600_000, cwd: root, env: copyEnv() });
  started.push(child);
  return child;
}

describe("npm start", () => {
  it("refuses `npm start -- --mockport 4020` at once: one line and the usage, exit 2, nothing installed or built", async () => {
    // A copy of its own, never installed, whatever order the tests run in.
    const fresh = copyRepo("npm-start-flag-");
    try {
      const run = spawnUntil("npm", ["start", "--", "--mockport", "4020"], { cwd: fresh, env: copyEnv(), timeoutMs: 600_000 });
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
    const run = start("npm", ["start", "--", "--mock-port", "0", "--docs-port", "0"]);
    await run.ready;
    const ports = urls(run.output()).map(portOf);
    expect(ports).toHaveLength(2);
    expect(await run.stop("SIGTERM")).toBe(0);
    await portsFreed(ports);
  });

  it.each(["SIGTERM", "SIGINT"] as const)("stops both servers when scripts/run.mjs gets %s, and exits only then", async (signal) => {
    const run = start(process.execPath, ["scripts/run.mjs", "start", "--mock-port", "0", "--docs-port", "0"]);
    await run.ready;
    const ports = urls(run.output()).map(portOf);
    expect(ports).toHaveLength(2);
    expect(await run.stop(signal)).toBe(0);
    await portsFreed(ports);
  });

  it("reports a busy port in one line naming the port and the flag that moves it, exit non-zero, no stack", async () => {
    const busy = await busyPort();
    try {
      const run = start("npm", ["start", "--", "--mock-port", String(busy.port), "--docs-port", "0"]);
      const code = await run.exit;
      expect(code).not.toBe(0);
      expect(run.output()).toContain(`\nport ${busy.port} on 127.0.0.1 is in use: pass --mock-port N to choose another (0 picks a free one)\n`);
      expect(run.output()).not.toMatch(/^\s+at /m);
    } finally {
      await busy.release();
    }
  });
});
