// Adding an operation to the spec needs no change to the mock: it routes, validates, answers Prefer and, for an
// operation of REST shape, keeps state for it, all from the spec. Here the spec gains showPool, listPools and
// deletePool (the rest of the pool lifecycle), written into a copy of the bundled spec the way the API pages describe
// them, and the unchanged mock serves them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock, type Mock } from "../src/index.js";
import { call, exampleOf, poolPath, PROJECT, startMockWithSpec, validateError, validatePool, type Reply } from "./support.js";

const POOLS = "/v2/{project_id}/pools";
const POOL = "/v2/{project_id}/pools/{pool_name}";
const json = (schema: string, examples: Record<string, string> = {}) => ({
  "application/json": {
    schema: { $ref: `#/components/schemas/${schema}` },
    examples: Object.fromEntries(Object.entries(examples).map(([name, example]) => [name, { $ref: `#/components/examples/${example}` }])),
  },
});

const poolName = { name: "pool_name", in: "path", required: true, schema: { type: "string" } };

/**
 * The lifecycle operations of the API reference ("Obtaining a Resource Pool", "Obtaining Resource Pools", "Deleting a
 * Resource Pool"), written here (over the spec's own, once it has them) so that they are new to the mock either way.
 */
function addLifecycle(spec: any): void {
  spec.components.schemas.PoolList = {
    type: "object",
    required: ["apiVersion", "kind", "items"],
    properties: {
      apiVersion: { type: "string", enum: ["v2"] },
      kind: { type: "string", enum: ["PoolList"] },
      items: { type: "array", items: { $ref: "#/components/schemas/Pool" } },
    },
  };
  spec.components.examples.poolList = { value: { apiVersion: "v2", kind: "PoolList", items: [exampleOf("createdPool")] } };
  spec.paths[POOL].get = {
    operationId: "showPool",
    parameters: [poolName],
    responses: { "200": { description: "OK", content: json("Pool", { createdPool: "createdPool" }) }, "404": { $ref: "#/components/responses/PoolNotFound" } },
  };
  spec.paths[POOL].delete = {
    operationId: "deletePool",
    parameters: [poolName, { $ref: "#/components/parameters/X-ModelArts-User-ID" }],
    responses: { "200": { description: "OK", content: json("Pool", { scaledPool: "scaledPool" }) }, "404": { $ref: "#/components/responses/PoolNotFound" } },
  };
  spec.paths[POOLS].get = {
    operationId: "listPools",
    parameters: [{ name: "labelSelector", in: "query", schema: { type: "string" } }],
    responses: { "200": { description: "OK", content: json("PoolList", { poolList: "poolList" }) } },
  };
  // A resource whose create request names nothing: served from its examples, stateful or not.
  spec.components.examples.quota = { value: { name: "gpu", limit: 8 } };
  spec.paths["/v2/{project_id}/quotas/{quota_name}"] = {
    get: {
      operationId: "showQuota",
      parameters: [
        { name: "project_id", in: "path", required: true, schema: { type: "string" } },
        { name: "quota_name", in: "path", required: true, schema: { type: "string" } },
      ],
      responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "object" }, examples: { quota: { $ref: "#/components/examples/quota" } } } } } },
    },
  };
}

function createRequest(name: string) {
  const body = exampleOf("createDedicatedPool");
  body.metadata.labels["os.modelarts/name"] = name;
  return body;
}

function expectPool(reply: Reply) {
  expect(reply.status, reply.text).toBe(200);
  expect(validatePool(reply.body)).toEqual({ valid: true });
  return reply.body;
}

describe("new operations of REST shape, in stateful mode", () => {
  let mock: Mock;
  beforeAll(async () => {
    // The clock stands still, so a pool keeps the phase it was created with; deletingMs 0: a deleted pool is gone at
    // once. The lifecycle itself is lifecycle.test.ts's.
    mock = await startMockWithSpec(addLifecycle, { stateful: true, clock: manualClock(), deletingMs: 0 });
  });
  afterAll(() => mock.close());

  it("shows, lists and deletes the pools it keeps, per project", async () => {
    // Projects of this test's own: the file's other tests keep pools in the mock too.
    const [mine, theirs] = ["project-lifecycle-a", "project-lifecycle-b"];
    const created = expectPool(await call(mock, { body: createRequest("pool-lifecycle"), path: `/v2/${mine}/pools` }));
    const path = poolPath(created.metadata.name, mine);

    expect(expectPool(await call(mock, { method: "GET", path }))).toEqual(created);
    const other = expectPool(await call(mock, { body: createRequest("pool-elsewhere"), path: `/v2/${theirs}/pools` }));

    const listed = await call(mock, { method: "GET", path: `/v2/${mine}/pools` });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ apiVersion: "v2", kind: "PoolList", items: [created] });

    const deleted = await call(mock, { method: "DELETE", path });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ metadata: { name: created.metadata.name, deletionTimestamp: expect.stringMatching(/Z$/) } });
    expect(validatePool(deleted.body)).toEqual({ valid: true });

    for (const gone of [await call(mock, { method: "GET", path }), await call(mock, { method: "DELETE", path })]) {
      expect(gone.status).toBe(404);
      expect(gone.body).toEqual(exampleOf("poolNotFound"));
    }
    expect((await call(mock, { method: "GET", path: `/v2/${mine}/pools` })).body.items).toEqual([]);
    expect((await call(mock, { method: "GET", path: `/v2/${theirs}/pools` })).body.items).toEqual([other]);
  });

  it("lets a name label be used again once its pool is deleted", async () => {
    // A project of its own, so that the pool it leaves is in no other test's list.
    const project = "reuse-project";
    const pools = `/v2/${project}/pools`;
    const first = expectPool(await call(mock, { body: createRequest("pool-reused"), path: pools }));
    expect((await call(mock, { body: createRequest("pool-reused"), path: pools })).status).toBe(409);
    expect((await call(mock, { method: "DELETE", path: poolPath(first.metadata.name, project) })).status).toBe(200);
    expect(expectPool(await call(mock, { body: createRequest("pool-reused"), path: pools })).metadata.name).not.toBe(first.metadata.name);
  });

  it("takes no body on an operation that has none, with the operation's 400", async () => {
    const reply = await call(mock, { method: "DELETE", path: poolPath("pool-any-00000000000000000000000000000000"), body: { force: true } });
    expect(reply.status).toBe(400);
    expect(reply.body.error_msg).toContain("deletePool takes no request body");
  });

  it("answers an operation of another shape from its examples", async () => {
    const reply = await call(mock, { method: "GET", path: `/v2/${PROJECT}/quotas/gpu` });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ name: "gpu", limit: 8 });
  });
});

describe("new operations, in examples mode", () => {
  let mock: Mock;
  beforeAll(async () => {
    mock = await startMockWithSpec(addLifecycle);
  });
  afterAll(() => mock.close());

  it("routes them and answers their examples, checking credentials as for every operation", async () => {
    const path = poolPath("pool-001-86c13962597848eeb29c5861153a391f");
    expect((await call(mock, { method: "GET", path })).body).toEqual(exampleOf("createdPool"));
    expect((await call(mock, { method: "DELETE", path })).body).toEqual(exampleOf("scaledPool"));
    expect((await call(mock, { method: "GET", path: `/v2/${PROJECT}/pools` })).body.kind).toBe("PoolList");
    const anonymous = await call(mock, { method: "GET", path, token: false });
    expect(anonymous.status).toBe(400);
    expect(validateError(anonymous.body)).toEqual({ valid: true });
  });

  it("answers Prefer from their own responses", async () => {
    const path = poolPath("pool-001-86c13962597848eeb29c5861153a391f");
    const missing = await call(mock, { method: "GET", path, headers: { prefer: "code=404" } });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(exampleOf("poolNotFound"));
    const unknown = await call(mock, { method: "GET", path: `/v2/${PROJECT}/pools`, headers: { prefer: "code=409" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error_msg).toContain("Prefer: code=409 is not a response of listPools (it answers 200)");
  });

  it("lists them among the operations it serves when a path has none", async () => {
    const reply = await call(mock, { method: "PUT", path: poolPath("x"), body: {} });
    expect(reply.status).toBe(404);
    for (const served of ["showPool (GET /v2/{project_id}/pools/{pool_name})", "listPools (GET /v2/{project_id}/pools)", "deletePool (DELETE"]) {
      expect(reply.body.error_msg).toContain(served);
    }
  });
});
