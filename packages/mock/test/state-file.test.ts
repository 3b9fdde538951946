// The state file of stateful mode: what was answered is there after a restart (pools, their updates, their nodes), time
// goes on while the mock is stopped, a file that is not the mock's is refused at start with its name and the problem and
// left as it is, and every write goes aside first (no half-written file, no leftovers).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock, startMock, type Mock, type MockOptions } from "../src/index.js";
import { STATE_FORMAT, STATE_VERSION } from "../src/state-file.js";
import { call, createRequest, poolPath, withMock } from "./support.js";

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mock-state-"));
  file = join(dir, "state.json");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A stateful mock keeping its state in this test's file. */
const withStateFile = <T>(options: MockOptions, use: (mock: Mock) => Promise<T>) => withMock({ stateful: true, stateFile: file, ...options }, use);

describe("--state <file>", () => {
  it("keeps the pools created and updated, and their nodes, across a restart", async () => {
    const clock = manualClock();
    const [name, nodes] = await withStateFile({ clock, creatingMs: 0 }, async (mock) => {
      const created = await call(mock, { body: createRequest("pool-kept") });
      expect(created.status).toBe(200);
      const poolName = created.body.metadata.name as string;
      const update = { spec: { resources: [{ flavor: "modelarts.vm.cpu.4ud", count: 3 }] } };
      expect((await call(mock, { method: "PATCH", path: poolPath(poolName), body: update })).status).toBe(200);
      const listed = await call(mock, { method: "GET", path: `${poolPath(poolName)}/nodes` });
      return [poolName, listed.body.items.map((node: { metadata: { name: string } }) => node.metadata.name)] as const;
    });
    expect(existsSync(file)).toBe(true);
    await withStateFile({ clock, creatingMs: 0 }, async (mock) => {
      const shown = await call(mock, { method: "GET", path: poolPath(name) });
      expect(shown.status).toBe(200);
      expect(shown.body.spec.resources).toEqual([{ flavor: "modelarts.vm.cpu.4ud", count: 3 }]);
      const listed = await call(mock, { method: "GET", path: `${poolPath(name)}/nodes` });
      expect(listed.body.items.map((node: { metadata: { name: string } }) => node.metadata.name)).toEqual(nodes);
      // A second create of the same label is still a conflict: the pool is really there.
      expect((await call(mock, { body: createRequest("pool-kept") })).status).toBe(409);
    });
  });

  it("lets time go on while the mock is stopped: a pool Creating when it stopped is Running when it comes back after creatingMs", async () => {
    const clock = manualClock();
    const name = await withStateFile({ clock, creatingMs: 3000 }, async (mock) => {
      const created = await call(mock, { body: createRequest("pool-growing") });
      clock.advance(1000);
      expect((await call(mock, { method: "GET", path: poolPath(created.body.metadata.name) })).body.status.phase).toBe("Creating");
      return created.body.metadata.name as string;
    });
    clock.advance(2000);
    await withStateFile({ clock, creatingMs: 3000 }, async (mock) => {
      expect((await call(mock, { method: "GET", path: poolPath(name) })).body.status.phase).toBe("Running");
    });
  });

  it("forgets a deleted pool once it is gone, and reset() goes back to the file's content at start", async () => {
    const clock = manualClock();
    await withStateFile({ clock, creatingMs: 0, deletingMs: 0 }, async (mock) => {
      await call(mock, { body: createRequest("pool-first") });
    });
    await withStateFile({ clock, creatingMs: 0, deletingMs: 0 }, async (mock) => {
      const [first] = (await call(mock, { method: "GET" })).body.items;
      await call(mock, { body: createRequest("pool-second") });
      expect((await call(mock, { method: "DELETE", path: poolPath(first.metadata.name) })).status).toBe(200);
      expect((await call(mock, { method: "GET" })).body.items.map((pool: { metadata: { labels: Record<string, string> } }) => pool.metadata.labels["os.modelarts/name"])).toEqual(["pool-second"]);
      await mock.reset();
      expect((await call(mock, { method: "GET" })).body.items.map((pool: { metadata: { labels: Record<string, string> } }) => pool.metadata.labels["os.modelarts/name"])).toEqual(["pool-first"]);
    });
    // The reset was written too.
    await withStateFile({ clock, creatingMs: 0 }, async (mock) => {
      expect((await call(mock, { method: "GET" })).body.items).toHaveLength(1);
    });
  });

  it("writes aside and renames: after many writes only the file is in its folder, whole JSON of the mock's format", async () => {
    await withStateFile({ creatingMs: 0 }, async (mock) => {
      for (let index = 0; index < 20; index++) await call(mock, { body: createRequest(`pool-${String(index).padStart(3, "0")}`) });
    });
    expect(readdirSync(dir)).toEqual(["state.json"]);
    const saved = JSON.parse(readFileSync(file, "utf8"));
    expect([saved.format, saved.version]).toEqual([STATE_FORMAT, STATE_VERSION]);
    expect(Object.values(saved.collections as Record<string, unknown[]>).flat()).toHaveLength(20);
  });

  it.each([
    ["text that is not JSON", "{ pools: [", "is not JSON, so not a state file of the mock (it is left as it is)"],
    ["JSON of another program", JSON.stringify({ pools: [] }), `is not a state file of the mock (its "format" is not "${STATE_FORMAT}"`],
    ["a state file of another version", JSON.stringify({ format: STATE_FORMAT, version: 99, collections: {}, nodes: { pools: {}, made: 0 } }), `is version 99, and this mock reads version ${STATE_VERSION}`],
    ["a pool the spec refuses", JSON.stringify({ format: STATE_FORMAT, version: STATE_VERSION, collections: { "/v2/{project_id}/pools": [{ scope: '["p"]', pool: { kind: "Pool" }, life: { createdAt: 0, outcome: "Running" } }] }, nodes: { pools: {}, made: 0 } }), "pools[0].pool is not a Pool"],
    ["a collection the spec has not", JSON.stringify({ format: STATE_FORMAT, version: STATE_VERSION, collections: { "/v9/things": [] }, nodes: { pools: {}, made: 0 } }), "collections has /v9/things, which the spec keeps no pools of"],
  ])("refuses %s at start, naming the file and the problem, and leaves it as it is", async (_, content, problem) => {
    writeFileSync(file, content);
    await expect(startMock({ port: 0, stateful: true, stateFile: file })).rejects.toThrow(`state file ${file}`);
    await expect(startMock({ port: 0, stateful: true, stateFile: file })).rejects.toThrow(problem);
    expect(readFileSync(file, "utf8")).toBe(content);
  });

  it("needs stateful mode", async () => {
    await expect(startMock({ port: 0, stateFile: file })).rejects.toThrow("stateFile keeps stateful mode's pools: it needs stateful: true");
  });
});
