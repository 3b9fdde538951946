// The CLI as a user runs it: the built bin prints its URL, serves, and exits 0 on Ctrl-C (SIGINT) or SIGTERM. How
// `pnpm mock -- --stateful` and the bin linked into a dependent take their flags is the Quick start's test
// (scripts/test/in-copy/quick-start.ts), which runs both as the READMEs write them.
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { spawnUntil } from "../../../scripts/lib/spawn.mjs";
import { call, exampleOf, poolPath, type Reply } from "./support.js";

const bin = fileURLToPath(new URL("../bin/modelarts-pools-mock.js", import.meta.url));
const built = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

function run(args: string[], ready = /http:\/\/[^\s]+/): { child: ChildProcess; url: Promise<string>; exit: Promise<number | null>; output: () => string } {
  const cli = spawnUntil(process.execPath, [bin, ...args], { ready });
  const url = cli.ready.then((found) => found[1] ?? found[0]);
  url.catch(() => undefined); // a run that is expected to fail never prints one; the tests that need it await it
  return { child: cli.child, url, exit: cli.exit, output: cli.output };
}

// Each test starts a process that loads Prism: deadlines that only catch a hang, on a machine that may be busy.
describe("modelarts-pools-mock", () => {
  beforeAll(() => {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`pnpm --filter @modelarts-pools/mock build\` before testing the CLI`);
  });

  it.each(["SIGINT", "SIGTERM"] as const)("prints its loopback URL, serves, and exits 0 on %s", async (signal) => {
    const { child, url, exit, output } = run(["--port", "0"]);
    try {
      const base = await url;
      expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(output()).not.toContain("warning:");
      const reply: Reply = await call({ url: base }, { body: exampleOf("createDedicatedPool") });
      expect(reply.body).toEqual(exampleOf("createdPool"));
      child.kill(signal);
      expect(await exit).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("lives pools' lives on the times --creating-ms and --deleting-ms give", async () => {
    const { child, url, exit } = run(["--port", "0", "--stateful", "--creating-ms", "0", "--deleting-ms", "0"]);
    try {
      const mock = { url: await url };
      const created = await call(mock, { body: exampleOf("createDedicatedPool") });
      const path = poolPath(created.body.metadata.name);
      expect((await call(mock, { method: "GET", path })).body.status.phase).toBe("Running");
      expect((await call(mock, { method: "DELETE", path })).body.status.phase).toBe("Deleting");
      expect((await call(mock, { method: "GET", path })).status).toBe(404);
      child.kill("SIGINT");
      expect(await exit).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it.each([
    [["--stateful", "--creating-ms", "3s"], "--creating-ms must be a whole number of milliseconds from 0 up, not 3s"],
    [["--stateful", "--deleting-ms=-1"], "--deleting-ms must be a whole number of milliseconds from 0 up, not -1"],
    [["--stateful", "--creating-ms", "-5"], "--creating-ms must be a whole number of milliseconds from 0 up, not -5"],
    [["--latency", "-5"], "--latency must be milliseconds (200) or a range of them (100-300), not -5"],
    [["--deleting-ms", "100"], "--deleting-ms applies to stateful mode only; add --stateful"],
    [["--state", "pools.json"], "--state keeps stateful mode's pools; add --stateful"],
    [["--latency", "soon"], "--latency must be milliseconds (200) or a range of them (100-300), not soon"],
    [["--latency", "300-100"], "--latency 300-100: the range must go from a smaller number to a larger one"],
    [["--fault-rate", "2"], "--fault-rate must be a number from 0 to 1, not 2"],
    [["--fault-rate", "half"], "--fault-rate must be a number from 0 to 1, not half"],
  ])("refuses %j with exit code 2 and one line naming the flag", async (args, message) => {
    const { child, exit, output } = run(["--port", "0", ...args]);
    try {
      expect(await exit).toBe(2);
      expect(output()).toContain(`modelarts-pools-mock: ${message}\n`);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("says what it was started with: state file, latency, fault rate, signatures verified", async () => {
    const env = { ...process.env, HUAWEICLOUD_SDK_AK: "CLIAK", HUAWEICLOUD_SDK_SK: "cli-secret" };
    const cli = spawnUntil(process.execPath, [bin, "--port", "0", "--latency", "0-5", "--fault-rate", "0.1", "--seed", "s", "--verify-signatures"], { ready: /listening/, env });
    try {
      await cli.ready;
      expect(cli.output()).toContain("(examples mode, latency 0-5 ms, fault rate 0.1, signatures verified) listening");
      expect(cli.output()).not.toContain("cli-secret");
    } finally {
      await cli.stop("SIGTERM");
    }
  });

  it("refuses --verify-signatures without a key pair in its environment, naming the variables", async () => {
    const env = { ...process.env, HUAWEICLOUD_SDK_AK: "", HUAWEICLOUD_SDK_SK: "" };
    const cli = spawnUntil(process.execPath, [bin, "--port", "0", "--verify-signatures"], { env });
    expect(await cli.exit).toBe(2);
    expect(cli.output()).toContain("modelarts-pools-mock: verifySignatures: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK");
  });

  it("refuses a bad flag with exit code 2 and its usage", async () => {
    const { child, exit, output } = run(["--port", "http"]);
    try {
      expect(await exit).toBe(2);
      expect(output()).toContain("--port must be an integer from 0 to 65535, not http");
      expect(output()).toContain("Usage: modelarts-pools-mock");
    } finally {
      child.kill("SIGKILL"); // were the flag accepted, it would be serving on 4010
    }
  });
});
