// listPools in stateful mode: a project's pools, by labelSelector, status and workspaceId, as a PoolList.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock, startMock, type Mock } from "../src/index.js";
import { call, createRequest, PROJECT, validateError, validatePoolList } from "./support.js";

const creatingMs = 1_000;
const clock = manualClock();
let mock: Mock;
const names: Record<string, string> = {};

function labelled(name: string, labels: Record<string, string>) {
  const body = createRequest(name);
  Object.assign(body.metadata.labels, labels);
  return body;
}

async function create(label: string, labels: Record<string, string>, options: { project?: string; prefer?: string } = {}) {
  const path = `/v2/${options.project ?? PROJECT}/pools`;
  const reply = await call(mock, { path, body: labelled(label, labels), ...(options.prefer ? { headers: { prefer: options.prefer } } : {}) });
  expect(reply.status, reply.text).toBe(200);
  names[label] = reply.body.metadata.name;
}

async function listed(query: string, project = PROJECT): Promise<string[]> {
  const reply = await call(mock, { method: "GET", path: `/v2/${project}/pools${query}` });
  expect(reply.status, reply.text).toBe(200);
  expect(validatePoolList(reply.body)).toEqual({ valid: true });
  expect(reply.body).toMatchObject({ apiVersion: "v2", kind: "PoolList" });
  const labels = Object.fromEntries(Object.entries(names).map(([label, name]) => [name, label]));
  return reply.body.items.map((pool: any) => labels[pool.metadata.name] ?? pool.metadata.name).sort();
}

beforeAll(async () => {
  mock = await startMock({ port: 0, stateful: true, clock, creatingMs });
  await create("pool-alpha", { team: "a", tier: "gold" });
  await create("pool-doomed", { team: "a" }, { prefer: "phase=CreationFailed" });
  await create("pool-other-ws", { team: "a", "os.modelarts/workspace.id": "ws-1" });
  await create("pool-elsewhere", { team: "a" }, { project: "other-project" });
  clock.advance(creatingMs); // alpha Running, doomed CreationFailed
  await create("pool-young", { team: "b" }); // no phase yet
});
afterAll(() => mock.close());

describe("listPools, stateful", () => {
  it("lists the project's pools of the default workspace (workspaceId's default, 0) without a query", async () => {
    expect(await listed("")).toEqual(["pool-alpha", "pool-doomed", "pool-young"]);
    expect(await listed("", "other-project")).toEqual(["pool-elsewhere"]);
    expect(await listed("", "empty-project")).toEqual([]);
  });

  it("lists the pools of the workspace it is given", async () => {
    expect(await listed("?workspaceId=ws-1")).toEqual(["pool-other-ws"]);
    expect(await listed("?workspaceId=0")).toEqual(["pool-alpha", "pool-doomed", "pool-young"]);
  });

  it("keeps the pools whose labels match every pair of labelSelector", async () => {
    expect(await listed("?labelSelector=team=a")).toEqual(["pool-alpha", "pool-doomed"]);
    expect(await listed(`?labelSelector=${encodeURIComponent("team=a,tier=gold")}`)).toEqual(["pool-alpha"]);
    expect(await listed(`?labelSelector=${encodeURIComponent("team=a, tier=silver")}`)).toEqual([]);
    expect(await listed(`?labelSelector=${encodeURIComponent("os.modelarts/name=pool-young")}`)).toEqual(["pool-young"]);
    expect(await listed("?labelSelector=")).toEqual(["pool-alpha", "pool-doomed", "pool-young"]);
  });

  it("keeps the pools in the state status names: created Running, creating not yet, failed CreationFailed", async () => {
    expect(await listed("?status=created")).toEqual(["pool-alpha"]);
    expect(await listed("?status=creating")).toEqual(["pool-young"]);
    expect(await listed("?status=failed")).toEqual(["pool-doomed"]);
    expect(await listed("?status=created&labelSelector=team=b")).toEqual([]);
  });

  it.each([
    ["labelSelector=team", 'labelSelector must be key=value pairs separated by commas, all of which must match (e.g. os.modelarts/name=pool-001); "team" is not one'],
    ["labelSelector=team%3Da%2C", 'labelSelector must be key=value pairs separated by commas, all of which must match (e.g. os.modelarts/name=pool-001); "" is not one'],
    ["labelSelector=%3Da", '"=a" is not one'],
    ["labelSelector=team!%3Da", '"team!=a" is not one'],
    ["labelSelector=a%3Db%3Dc", '"a=b=c" is not one'],
    ["status=running", `query parameter status must be one of "created", "failed", "creating"`],
  ])("refuses %s with a 400 naming the parameter and the rule", async (query, message) => {
    const reply = await call(mock, { method: "GET", path: `/v2/${PROJECT}/pools?${query}` });
    expect(reply.status).toBe(400);
    expect(validateError(reply.body)).toEqual({ valid: true });
    expect(reply.body.error_code).toBe("ModelArts.50004000");
    expect(reply.body.error_msg).toContain(message);
  });
});
