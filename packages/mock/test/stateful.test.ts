// Stateful mode: pools live in memory per project, created and patched as the live API does it.
import { describe, expect, it } from "vitest";
import { call, exampleOf, poolPath, PROJECT, startMockWithSpec, useMock, validateError, validatePool, type Reply } from "./support.js";
import { manualClock, startMock } from "../src/index.js";

// The mock's clock, fixed: a created pool's creationTimestamp is this instant to the second, as the live API writes it.
const mock = useMock({ stateful: true, clock: manualClock(Date.parse("2024-05-06T07:08:09.123Z")) });

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

describe("a pool the spec's Pool schema refuses, made from a valid request", () => {
  it("is the mock's bug: answered 500 with a ModelArts body, reported to onError, and never kept", async () => {
    const failures: unknown[] = [];
    // A spec whose update schema takes a count its Pool schema refuses: request and answer disagree.
    const disagreeing = (spec: any) => {
      spec.components.schemas.PoolResource.properties.count.maximum = 5;
    };
    // On a clock that stands still, the pool keeps the phase it was created with.
    const broken = await startMockWithSpec(disagreeing, { stateful: true, clock: manualClock(), onError: (error) => failures.push(error) });
    try {
      const created = expectPool(await call(broken, { body: createRequest("pool-disagreeing") }));
      const path = poolPath(created.metadata.name);
      const reply = await call(broken, { method: "PATCH", path, body: { spec: { resources: [{ flavor: "modelarts.vm.cpu.8u", count: 10 }] } } });
      expect(reply.status).toBe(500);
      expect(validateError(reply.body)).toEqual({ valid: true });
      expect(reply.body.error_msg).toContain("a bug of the mock");
      expect(failures).toHaveLength(1);
      expect(String(failures[0])).toContain("spec.resources[0].count must be <= 5");
      expect(expectPool(await call(broken, { method: "PATCH", path, body: {} }))).toEqual(created);
    } finally {
      await broken.close();
    }
  });
});

describe("time", () => {
  it("stamps pools with the time of the clock it was given", async () => {
    const clock = manualClock(Date.parse("2030-05-06T07:08:09.750Z"));
    const timed = await startMock({ stateful: true, clock });
    try {
      const pool = expectPool(await call(timed, { body: createRequest("pool-timed") }));
      expect(pool.metadata.creationTimestamp).toBe("2030-05-06T07:08:09Z");
      clock.advance(61_000);
      const again = expectPool(await call(timed, { body: createRequest("pool-timed-later") }));
      expect(again.metadata.creationTimestamp).toBe("2030-05-06T07:09:10Z");
    } finally {
      await timed.close();
    }
  });
});

describe("bounds", () => {
  it("bounds the pools it keeps in bytes: repeated large patches grow a pool until the next gets 400, and it stays as it was", async () => {
    const maxStateBytes = 200_000;
    const small = await startMock({ stateful: true, maxStateBytes });
    try {
      const created = expectPool(await call(small, { body: createRequest("pool-growing") }));
      const path = poolPath(created.metadata.name);
      const large = (key: string, size = 30_000) => ({ metadata: { annotations: { [`example.com/${key}`]: "x".repeat(size) } } });
      const accepted: number[] = [];
      let refused: Reply | undefined;
      for (let index = 0; index < 20 && !refused; index++) {
        const reply = await call(small, { method: "PATCH", path, body: large(`note-${index}`) });
        if (reply.status === 200) accepted.push(Buffer.byteLength(reply.text));
        else refused = reply;
      }
      expect(accepted.length).toBe(6); // 6 × 30 kB fit in 200 kB, a seventh does not
      expect(accepted.at(-1)).toBeLessThanOrEqual(maxStateBytes);
      expect(refused!.status).toBe(400);
      expect(refused!.body.error_code).toBe("ModelArts.50004000");
      expect(refused!.body.error_msg).toContain(`at most ${maxStateBytes} bytes of pools (maxStateBytes)`);
      expect(validateError(refused!.body)).toEqual({ valid: true });

      const kept = expectPool(await call(small, { method: "PATCH", path, body: {} }));
      expect(Object.keys(kept.metadata.annotations).filter((key) => key.startsWith("example.com/"))).toHaveLength(6);
      const another = await call(small, { body: createRequest("pool-other") });
      expect(another.status).toBe(200); // a small pool still fits beside it
      const bigger = await call(small, { body: { ...createRequest("pool-big"), metadata: { ...createRequest("pool-big").metadata, ...large("big", 20_000).metadata } } });
      expect(bigger.status).toBe(400);

      // A patch that shrinks the pool frees room: the same large patch that was refused is accepted after it.
      expectPool(await call(small, { method: "PATCH", path, body: large("note-0", 1) }));
      expectPool(await call(small, { method: "PATCH", path, body: large("note-6") }));
    } finally {
      await small.close();
    }
  });

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
