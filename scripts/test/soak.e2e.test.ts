// `pnpm test:soak` (scripts/soak.mjs) on a tiny vitest project (fixtures/soak: two passing tests, one that always
// fails, one that can hold its round until it is killed), not on the whole suite: what it counts and prints, how it
// exits, and that its busy processes are gone afterwards, also after Ctrl-C.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { spawnUntil } from "../lib/spawn.mjs";
import { processGone, waitFor } from "../lib/wait.mjs";
import { missingBuilds } from "../lib/workspace.mjs";

const soak = fileURLToPath(new URL("../soak.mjs", import.meta.url));
const fixture = fileURLToPath(new URL("./fixtures/soak", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "soak-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// A deadline that only catches a hang: a round of the fixture took up to 30 s on the 2-core machine with other
// work and the soak's own two busy processes on it (the tests here ask for one: it spins a core for the whole round).
const ROUND_DEADLINE_MS = 180_000;

function startSoak(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const run = spawnUntil(process.execPath, [soak, "--root", fixture, ...args], { ready: /busy process(?:es)? \(pids ([\d, ]+|none)\)/, timeoutMs: ROUND_DEADLINE_MS, env });
  const busyPids = run.ready.then((found) => (found[1] === "none" ? [] : found[1]!.split(", ").map(Number)));
  return { ...run, busyPids };
}

async function expectGone(pids: number[], output: () => string) {
  for (const pid of pids) {
    // The soak waits for its busy processes before it exits; the deadline only covers the kernel's bookkeeping.
    await waitFor(() => processGone(pid), { what: `process ${pid} to be gone`, deadlineMs: 10_000, seen: output });
  }
}

describe("pnpm test:soak", () => {
  it("counts each test's failures over the rounds, shuffles each round with its own seed, and exits 1", async () => {
    const run = startSoak(["--rounds", "2", "--busy", "1", "--seed", "7"]);
    const pids = await run.busyPids;
    expect(pids).toHaveLength(1);
    expect(await run.exit, run.output()).toBe(1);
    const output = run.output();
    expect(output).toContain("Running tests with seed \"7\"");
    expect(output).toContain("Running tests with seed \"8\"");
    expect(output).toMatch(/^soak: round 1\/2 \(seed 7\): 3 passed, 1 failed, \d+ s$/m);
    expect(output).toMatch(/^soak: round 2\/2 \(seed 8\): 3 passed, 1 failed, \d+ s$/m);
    expect(output).toMatch(/^ {2}2\/2 {2}broken\.test\.mjs › always fails\n\s+AssertionError: expected 'broken' to be 'fixed'/m);
    expect(output).not.toMatch(/\d\/2 {2}(steady|hold)\.test\.mjs/);
    expect(output.trimEnd().split("\n").at(-1)).toBe("soak: 2 rounds × 4 tests, 1 busy process, seeds 7–8: 2 failures in 1 test");
    await expectGone(pids, run.output);
  }, 3 * ROUND_DEADLINE_MS);

  it("exits 0 and says so in one line when nothing failed; arguments after -- go to vitest", async () => {
    const run = startSoak(["--rounds", "1", "--busy", "1", "--seed", "3", "--", "steady.test.mjs", "hold.test.mjs"]);
    const pids = await run.busyPids;
    expect(await run.exit, run.output()).toBe(0);
    expect(run.output()).toMatch(/^soak: round 1\/1 \(seed 3\): 3 passed, 0 failed, \d+ s$/m);
    expect(run.output().trimEnd().split("\n").at(-1)).toBe("soak: 1 round × 3 tests, 1 busy process, seeds 3–3: 0 failures");
    await expectGone(pids, run.output);
  }, 2 * ROUND_DEADLINE_MS);

  it("stops vitest and the busy processes on Ctrl-C in the middle of a round", async () => {
    const hold = join(scratch, "hold.pid");
    const run = startSoak(["--rounds", "3", "--busy", "1"], { ...process.env, SOAK_FIXTURE_HOLD: hold });
    const pids = await run.busyPids;
    // The fixture's test writes its pid once it runs, then waits to be killed.
    await waitFor(() => existsSync(hold) && readFileSync(hold, "utf8"), { what: "the fixture's holding test to start", deadlineMs: ROUND_DEADLINE_MS, seen: run.output });
    const worker = Number(readFileSync(hold, "utf8"));
    run.child.kill("SIGINT");
    expect(await run.exit, run.output()).toBe(130);
    expect(run.output()).toContain("soak: SIGINT: stopping vitest and the busy processes");
    expect(run.output()).not.toContain("round 1/3");
    await expectGone([...pids, worker], run.output);
  }, 2 * ROUND_DEADLINE_MS);

  it("refuses a bad flag, naming it", async () => {
    const run = spawnUntil(process.execPath, [soak, "--rounds", "0"], {});
    expect(await run.exit).toBe(2);
    expect(run.output()).toContain("--rounds must be an integer of at least 1, not 0");
  });
});

describe("what the soak checks before it starts", () => {
  it("names the workspace packages that have a build but no dist/ yet", () => {
    const repo = join(scratch, "repo");
    const manifest = (dir: string, scripts: Record<string, string>) => {
      mkdirSync(join(repo, dir), { recursive: true });
      writeFileSync(join(repo, dir, "package.json"), JSON.stringify({ name: dir, scripts }));
    };
    mkdirSync(repo, { recursive: true });
    writeFileSync(join(repo, "pnpm-workspace.yaml"), "packages:\n  - spec\n  - packages/*\n\ncatalog:\n  vitest: ^4.1.12\n");
    manifest("spec", { build: "redocly bundle" });
    manifest("packages/built", { build: "tsc" });
    mkdirSync(join(repo, "packages/built/dist"));
    manifest("packages/unbuilt", { build: "tsc" });
    manifest("packages/no-build", { test: "vitest" });
    expect(missingBuilds(repo)).toEqual(["spec", "packages/unbuilt"]);
  });
});
