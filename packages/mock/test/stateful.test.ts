// Stateful mode: pools live in memory per project, created and patched as the live API does it.
import { describe, expect, it } from "vitest";
import { call, exampleOf, poolPath, PROJECT, useMock, validateError, validatePool, type Reply } from "./support.js";
import { startMock } from "../src/index.js";

// The mock's clock, fixed: a created pool's creationTimestamp is this instant to the second, as the live API writes it.
const clock = new Date("2024-05-06T07:08:09.123Z");
const mock = useMock({ stateful: true, now: () => clock });

function expectPool(reply: Reply) {
  expect(reply.status, reply.text).toBe(200);
  expect(validatePool(reply.body)).toEqual({ valid: true });
  return reply.body;
}

function createRequest(name: string) {
  const body = exampleOf("createDedicatedPool");
  body.metadata.labels["os.modelarts/name"] = name;
  return body;
}

describe("createPool", () => {
  it("stores the pool and answers it as the live API starts it", async () => {
    const request = createRequest("pool-created");
    const pool = expectPool(await call(mock(), { body: request }));
    expect(pool.metadata.name).toMatch(/^pool-created-[0-9a-f]{32}$/);
    expect(pool.metadata.creationTimestamp).toBe("2024-05-06T07:08:09Z");
    expect(pool.metadata.labels).toEqual({ ...request.metadata.labels, "os.modelarts/tenant.project.id": PROJECT });
    expect(pool.metadata.annotations).toEqual(request.metadata.annotations);
    expect(pool.spec).toEqual(request.spec);
    expect(pool.status).toEqual({ resources: {} });
    expect({ apiVersion: pool.apiVersion, kind: pool.kind }).toEqual({ apiVersion: "v2", kind: "Pool" });
  });

  it("refuses a second pool with the same name label in the same project with 409", async () => {
    expectPool(await call(mock(), { body: createRequest("pool-twice") }));
    const again = await call(mock(), { body: createRequest("pool-twice") });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ error_code: "ModelArts.50015000", error_msg: "Pool already exists." });
  });

  it("keeps projects apart", async () => {
    const first = expectPool(await call(mock(), { body: createRequest("pool-shared"), path: "/v2/project-a/pools" }));
    const second = expectPool(await call(mock(), { body: createRequest("pool-shared"), path: "/v2/project-b/pools" }));
    expect(first.metadata.name).not.toBe(second.metadata.name);
    const patched = await call(mock(), { method: "PATCH", path: poolPath(first.metadata.name, "project-b"), body: {} });
    expect(patched.status).toBe(404);
  });

  it("still answers the spec's examples when a Prefer header asks for one", async () => {
    const reply = await call(mock(), { body: createRequest("pool-preferred"), headers: { prefer: "example=createdPool" } });
    expect(reply.body).toEqual(exampleOf("createdPool"));
  });
});

describe("updatePool", () => {
  it("answers 404 ModelArts.50015001 for a pool the project does not have", async () => {
    const reply = await call(mock(), { method: "PATCH", path: poolPath("pool-missing-00000000000000000000000000000000"), body: {} });
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual(exampleOf("poolNotFound"));
    expect(validateError(reply.body)).toEqual({ valid: true });
  });

  it("applies the body as a merge patch: objects merge, arrays replace, and the pool remembers", async () => {
    const request = createRequest("pool-patched");
    request.spec.resources = [
      { flavor: "modelarts.vm.gpu.tnt004", count: 2 },
      { flavor: "modelarts.vm.cpu.8u", count: 1 },
    ];
    const created = expectPool(await call(mock(), { body: request }));
    const path = poolPath(created.metadata.name);

    const scaled = expectPool(await call(mock(), { method: "PATCH", path, body: exampleOf("scaleOutPool") }));
    expect(scaled.spec.resources).toEqual(exampleOf("scaleOutPool").spec.resources);
    expect(scaled.spec.network).toEqual(request.spec.network);

    const described = expectPool(
      await call(mock(), { method: "PATCH", path, body: { metadata: { annotations: { "os.modelarts/description": "for team a" } } } }),
    );
    expect(described.metadata.annotations).toEqual({ ...request.metadata.annotations, "os.modelarts/description": "for team a" });
    expect(described.spec.resources).toEqual(scaled.spec.resources);
    expect(described.metadata.name).toBe(created.metadata.name);
    expect(described.metadata.creationTimestamp).toBe(created.metadata.creationTimestamp);
  });

  it("keeps a key named __proto__ as a plain annotation", async () => {
    const created = expectPool(await call(mock(), { body: createRequest("pool-proto") }));
    const patch = '{"metadata":{"annotations":{"__proto__":"x"}}}';
    const patched = expectPool(await call(mock(), { method: "PATCH", path: poolPath(created.metadata.name), body: patch }));
    expect(Object.getPrototypeOf(patched.metadata.annotations)).toBe(Object.prototype);
    expect(Object.hasOwn(patched.metadata.annotations, "__proto__")).toBe(true);
  });

  it("still refuses a body sent as application/json", async () => {
    const created = expectPool(await call(mock(), { body: createRequest("pool-json-patch") }));
    const reply = await call(mock(), { method: "PATCH", path: poolPath(created.metadata.name), body: {}, contentType: "application/json" });
    expect(reply.body).toEqual(exampleOf("contentTypeNotSupported"));
  });
});

describe("bounds", () => {
  it("refuses to hold more pools than maxPools, with 400", async () => {
    const small = await startMock({ stateful: true, maxPools: 2 });
    try {
      for (const name of ["pool-one", "pool-two"]) expectPool(await call(small, { body: createRequest(name) }));
      const third = await call(small, { body: createRequest("pool-three") });
      expect(third.status).toBe(400);
      expect(third.body.error_msg).toContain("at most 2 pools");
    } finally {
      await small.close();
    }
  });
});
