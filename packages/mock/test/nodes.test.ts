// Stateful mode keeps a pool's nodes beside it (src/pool-nodes.ts): they follow the pool's spec.resources, live its
// phases on the mock's clock, page by limit and an opaque continue, and go when batch-deleted, lowering their
// flavor's count in the pool. Every answer is checked against the spec's schemas.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaValidator } from "@modelarts-pools/spec/validator";
import { manualClock, startMock, type ManualClock, type Mock } from "../src/index.js";
import { call, createRequest, poolPath, spec, validateError, validatePool, type Reply } from "./support.js";

const validateNodeList = schemaValidator(spec, "NodeList");
const creatingMs = 10_000;

let clock: ManualClock;
let mock: Mock;
beforeAll(async () => {
  clock = manualClock(Date.parse("2026-03-04T05:06:07Z"));
  mock = await startMock({ port: 0, stateful: true, clock, creatingMs, deletingMs: 1_000 });
});
afterAll(() => mock.close());

function ok(reply: Reply, validate = validateNodeList) {
  expect(reply.status, reply.text).toBe(200);
  expect(validate(reply.body)).toEqual({ valid: true });
  return reply.body;
}
function refused(reply: Reply, status = 400) {
  expect(reply.status, reply.text).toBe(status);
  expect(validateError(reply.body)).toEqual({ valid: true });
  return reply.body.error_msg as string;
}

/** A pool asking for `counts` nodes of each flavor, created now. */
async function poolWith(label: string, counts: Record<string, number>): Promise<string> {
  const body = createRequest(label);
  body.spec.resources = Object.entries(counts).map(([flavor, count]) => ({ flavor, count }));
  return ok(await call(mock, { body }), validatePool).metadata.name;
}
const nodesPath = (name: string, query = "") => `${poolPath(name)}/nodes${query}`;
const page = async (name: string, query = "") => ok(await call(mock, { method: "GET", path: nodesPath(name, query) }));
const deleteNodes = (name: string, deleteNodeNames: string[]) => call(mock, { path: `${poolPath(name)}/nodes/batch-delete`, body: { deleteNodeNames } });

describe("a pool's nodes, stateful", () => {
  it("are one per count of each flavor, named as the live API names them, Creating until the pool is Running", async () => {
    const name = await poolWith("nodes-life", { "modelarts.vm.cpu.4ud": 3 });
    const first = await page(name);
    expect(first.items).toHaveLength(3);
    for (const node of first.items) {
      expect(node.metadata.name).toMatch(/^os-node-created-[a-z0-9]{5}$/);
      expect(node.spec.flavor).toBe("modelarts.vm.cpu.4ud");
      expect(node.status.phase).toBe("Creating");
    }
    expect(first.metadata.continue).toBe("");
    clock.advance(creatingMs);
    const running = await page(name);
    expect(running.items.map((node: any) => node.status.phase)).toEqual(["Available", "Available", "Available"]);
    expect(running.items.map((node: any) => node.metadata.name)).toEqual(first.items.map((node: any) => node.metadata.name));
  });

  it("page by limit with an opaque continue until it is empty, remainingItemCount counting down", async () => {
    const name = await poolWith("nodes-pages", { "modelarts.vm.cpu.4ud": 5 });
    const seen: string[] = [];
    let query = "?limit=2";
    const remaining: number[] = [];
    for (let pages = 0; pages < 10; pages++) {
      const answer = await page(name, query);
      seen.push(...answer.items.map((node: any) => node.metadata.name));
      if (!answer.metadata.continue) break;
      remaining.push(answer.metadata.remainingItemCount);
      query = `?limit=2&continue=${encodeURIComponent(answer.metadata.continue)}`;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(remaining).toEqual([3, 1]);
    expect(refused(await call(mock, { method: "GET", path: nodesPath(name, "?continue=not-a-token") }))).toContain('continue "not-a-token" is not one this list gave');
  });

  it("follow updatePool: a raised count adds nodes, a lowered one removes the newest", async () => {
    const name = await poolWith("nodes-scale", { "modelarts.vm.cpu.4ud": 2 });
    clock.advance(creatingMs);
    const before = (await page(name)).items.map((node: any) => node.metadata.name);
    const patch = (count: number) => call(mock, { method: "PATCH", path: poolPath(name), body: { spec: { resources: [{ flavor: "modelarts.vm.cpu.4ud", count }] } } });
    ok(await patch(4), validatePool);
    const grown = (await page(name)).items;
    expect(grown).toHaveLength(4);
    expect(grown.slice(0, 2).map((node: any) => node.metadata.name)).toEqual(before);
    expect(grown.slice(2).map((node: any) => node.status.phase)).toEqual(["Creating", "Creating"]);
    ok(await patch(1), validatePool);
    expect((await page(name)).items.map((node: any) => node.metadata.name)).toEqual(before.slice(0, 1));
  });

  it("batchDeletePoolNodes removes the named nodes and lowers their flavor's count in the pool", async () => {
    const name = await poolWith("nodes-delete", { "modelarts.vm.cpu.4ud": 3 });
    const [gone, ...staying] = (await page(name)).items.map((node: any) => node.metadata.name);
    const answer = await deleteNodes(name, [gone]);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.text).toBe("");
    expect((await page(name)).items.map((node: any) => node.metadata.name)).toEqual(staying);
    const pool = ok(await call(mock, { method: "GET", path: poolPath(name) }), validatePool);
    expect(pool.spec.resources).toEqual([{ flavor: "modelarts.vm.cpu.4ud", count: 2 }]);
  });

  it("refuses, with the ModelArts 400 saying why, a node the pool lacks and the deletion of its last node", async () => {
    const name = await poolWith("nodes-refuse", { "modelarts.vm.cpu.4ud": 2 });
    const nodes = (await page(name)).items.map((node: any) => node.metadata.name);
    expect(refused(await deleteNodes(name, ["os-node-created-zzzzz"]))).toContain("the pool has no node os-node-created-zzzzz");
    expect(refused(await deleteNodes(name, nodes))).toContain("a pool keeps one node at least");
    expect((await page(name)).items).toHaveLength(2);
  });

  it("answer 404 ModelArts.50015001 for a pool the project does not have", async () => {
    const missing = "pool-0000-00000000000000000000000000000000";
    expect(refused(await call(mock, { method: "GET", path: nodesPath(missing) }), 404)).toBeTruthy();
    const reply = await deleteNodes(missing, ["os-node-created-abcde"]);
    expect(reply.status).toBe(404);
    expect(reply.body.error_code).toBe("ModelArts.50015001");
  });
});
