// The servers behind `npm start` (scripts/serve.mjs) and `pnpm dev` (scripts/dev.mjs), run from the built repo:
// what they print, how a busy port is reported, and that a signal to the process stops both servers before it
// exits. Both entry points start and stop the servers through one module (scripts/lib/servers.mjs): every case is
// shown on npm start's server, and pnpm dev's own start, stop and flags once each (its Ctrl-C after rebuilds is the
// dev loop's test, in-copy/dev-loop.ts). Every server here listens on a free port.
import { afterEach, describe, expect, it } from "vitest";
import { repo } from "../lib/repo-copy.mjs";
import { commandLine, spawnUntil, type SpawnedUntil } from "../lib/spawn.mjs";
import { busyPort, portIsFree, portOf, urls, warnings } from "./support/ports.js";

// SIGTERM, which pnpm passes on: a SIGKILL would stop pnpm alone and leave `pnpm dev`'s own process running, still
// watching spec/ (it once raced a later rebuild in the same repo). A test that already stopped its server loses nothing.
const started: SpawnedUntil[] = [];
afterEach(async () => {
  for (const child of started.splice(0)) await child.stop("SIGTERM");
});

// `pnpm dev` as the README shows it (from the repo's build: --no-initial-build), and the server `npm start` runs once it
// has installed and built (npm start itself runs on the repo copy: in-copy/quick-start.ts).
const serve = { name: "npm start's server (scripts/serve.mjs)", line: (flags: string) => commandLine(`node scripts/serve.mjs ${flags}`), ready: /Ctrl-C stops both\./ };
const dev = { name: "pnpm dev", line: (flags: string) => commandLine(`pnpm dev --no-initial-build ${flags}`), ready: /watching spec\// };
const all = { signals: ["SIGTERM", "SIGINT"] as const, busyPorts: true };

/** What the entry point itself printed: without the lines pnpm frames a script with (`> name@ dev …`, ELIFECYCLE). */
function ownLines(output: string): string[] {
  return output.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("> ") && !line.includes("ELIFECYCLE"));
}

describe.each([
  { ...serve, ...all },
  { ...dev, signals: ["SIGTERM"] as const, busyPorts: false },
])("$name", ({ line, ready, signals, busyPorts }) => {
  function start(flags: string, readyWhen = ready): SpawnedUntil {
    const child = spawnUntil(...line(flags), { ready: readyWhen, cwd: repo });
    started.push(child);
    return child;
  }

  it.each(signals)("on %s stops both servers, then exits 0", async (signal) => {
    const server = start("--mock-port 0 --docs-port 0");
    await server.ready;
    expect(warnings(server.output())).toEqual([]);
    const ports = urls(server.output()).map(portOf);
    expect(ports).toHaveLength(2);
    expect(await Promise.all(ports.map(portIsFree))).toEqual([false, false]);
    expect(await server.stop(signal)).toBe(0);
    expect(await Promise.all(ports.map(portIsFree))).toEqual([true, true]);
  });

  if (busyPorts) {
    // The docs' port is refused by the same code (scripts/lib/servers.mjs listenOr), after the mock has started.
    it.each([["docs", "--docs-port", "--mock-port"]])("reports a busy %s port in one line naming it and its flag, and exits 1", async (_which, flag, other) => {
      const busy = await busyPort();
      try {
        const server = start(`${flag} ${busy.port} ${other} 0`);
        expect(await server.exit).toBe(1);
        const lines = ownLines(server.output());
        expect(lines).toEqual([`port ${busy.port} on 127.0.0.1 is in use: pass ${flag} N to choose another (0 picks a free one)`]);
      } finally {
        await busy.release();
      }
    });
  }

  it("refuses a mistyped flag in one line with the usage, exit code 2", async () => {
    const server = start("--mockport 4020");
    expect(await server.exit).toBe(2);
    const [first, second] = ownLines(server.output());
    expect(first).toMatch(/: unknown flag --mockport \(did you mean --mock-port\?\)$/);
    expect(second).toMatch(/^usage: /);
    expect(server.output()).not.toMatch(/^\s+at /m);
  });

  it("serves the docs page with the mock's real URL in its samples, not the default the build wrote", async () => {
    const server = start("--mock-port 0 --docs-port 0");
    await server.ready;
    const [mockUrl, docsUrl] = urls(server.output());
    expect(mockUrl).not.toBe("http://127.0.0.1:4010");
    for (const encoding of ["br", "gzip", "identity"]) {
      const page = await (await fetch(docsUrl!, { headers: { "accept-encoding": encoding } })).text();
      expect(page, encoding).toContain(`${mockUrl}/v2/`);
      expect(page, encoding).not.toContain("127.0.0.1:4010");
    }
    expect(await server.stop("SIGTERM")).toBe(0);
  });

  it.each(["--mock-port -5", "--mock-port=-5"])("refuses %s with the flag's own message, however the negative number is written", async (flags) => {
    const server = start(flags);
    expect(await server.exit).toBe(2);
    expect(ownLines(server.output())[0]).toMatch(/: --mock-port must be a port number from 0 to 65535, got "-5"$/);
  });
});
