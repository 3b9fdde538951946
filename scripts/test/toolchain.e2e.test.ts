// A root script started by Node 20 runs on the toolchain's Node: scripts/toolchain.mjs (behind `pnpm test:quick`,
// `pnpm changeset`, `pnpm mock`) moves onto it, runs the command with it first on PATH, passes SIGTERM on and exits
// with the command's exit code. `npm test` and `npm start` take the same path (scripts/run.mjs); CI starts them on
// Node 20, so every CI run is their test.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repo } from "../lib/repo-copy.mjs";
import { spawnUntil } from "../lib/spawn.mjs";
import { ensureNode } from "../lib/supported-node.mjs";
import { toolchainRunsOn } from "../lib/toolchain-node.mjs";

const launcher = join(repo, "scripts", "toolchain.mjs");
let node20: string;

beforeAll(async () => {
  node20 = await ensureNode(20);
}, 600_000);

describe("node scripts/toolchain.mjs <command>, started by Node 20", () => {
  it("runs the command on the toolchain's Node, first on PATH", () => {
    const result = spawnSync(node20, [launcher, "node", "-p", "process.version"], { encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    const version = result.stdout.trim();
    expect(toolchainRunsOn(version), version).toBe(true);
  });

  it("exits with the command's exit code", () => {
    const result = spawnSync(node20, [launcher, "node", "-e", "process.exit(7)"], { encoding: "utf8" });
    expect(result.status, result.stderr).toBe(7);
  });

  it("passes SIGTERM on to the command and waits for it", async () => {
    const script = "process.on('SIGTERM', () => { console.log('command got SIGTERM'); process.exit(0); }); console.log('command ready'); setInterval(() => {}, 1000);";
    const run = spawnUntil(node20, [launcher, "node", "-e", script], { ready: /command ready/ });
    await run.ready;
    expect(await run.stop("SIGTERM")).toBe(0);
    expect(run.output()).toContain("command got SIGTERM");
  });

  it("says how to use it when no command is given", () => {
    const result = spawnSync(node20, [launcher], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^usage: node scripts\/toolchain\.mjs <command>/);
  });
});
