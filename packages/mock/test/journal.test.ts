// The request journal and reset, as a user's test suite uses them: what the mock received and answered, by code
// (mock.requests(), mock.clearRequests(), mock.reset()) and over HTTP under /__mock/, credentials never kept, bounded by
// bytes; the admin routes never recorded, never checked against the spec, never forwarded by the proxy.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock, startMock, type Mock } from "../src/index.js";
import { call, createRequest, exampleOf, PROJECT, poolPath, TOKEN, useMock, withMock } from "./support.js";
import { startUpstream } from "./upstream.js";

const admin = (mock: Mock, method: string, path: string) => fetch(`${mock.url}/__mock/${path}`, { method });

describe("the journal of a mock in examples mode", () => {
  const mock = useMock();
  beforeEach(() => mock().clearRequests());

  it("records each request answered: operation, method, path, its parameters, query, headers, parsed body, status, time", async () => {
    const clockless = await call(mock(), { body: exampleOf("createDedicatedPool"), headers: { "x-trace": "t-1" } });
    expect(clockless.status).toBe(200);
    const [entry, ...rest] = mock().requests();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      operationId: "createPool",
      method: "POST",
      path: `/v2/${PROJECT}/pools`,
      pathParameters: { project_id: PROJECT },
      query: {},
      body: exampleOf("createDedicatedPool"),
      status: 200,
      fault: null,
      violations: [],
    });
    expect(entry!.headers["x-trace"]).toBe("t-1");
    expect(entry!.headers["content-type"]).toBe("application/json");
    expect(Date.parse(entry!.time)).not.toBeNaN();
  });

  it("redacts x-auth-token, authorization and x-security-token, and keeps no trace of their values", async () => {
    await call(mock(), { method: "GET", path: `/v2/${PROJECT}/pools`, headers: { "x-security-token": "sts-secret-value" } });
    await call(mock(), {
      method: "GET",
      path: `/v2/${PROJECT}/pools`,
      token: false,
      headers: { authorization: `SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=${"a".repeat(64)}`, "x-sdk-date": "20260101T000000Z" },
    });
    const entries = mock().requests();
    expect(entries.map((entry) => [entry.headers["x-auth-token"], entry.headers["x-security-token"], entry.headers["authorization"]])).toEqual([
      ["[redacted]", "[redacted]", undefined],
      [undefined, undefined, "[redacted]"],
    ]);
    const text = JSON.stringify(entries) + (await (await admin(mock(), "GET", "requests")).text());
    for (const secret of [TOKEN, "sts-secret-value", "a".repeat(64)]) expect(text).not.toContain(secret);
  });

  it("records refusals with the violations found, and a path the spec lacks with no operation", async () => {
    await call(mock(), { body: { kind: "Pool" } });
    await call(mock(), { method: "GET", path: "/v2/nowhere" });
    await call(mock(), { method: "GET", path: `/v2/${PROJECT}/pools?limit=abc` });
    const [invalid, nowhere, badQuery] = mock().requests();
    expect(invalid).toMatchObject({ operationId: "createPool", status: 400, body: { kind: "Pool" } });
    expect(invalid!.violations.map((violation) => violation.rule)).toContain("required");
    expect(nowhere).toMatchObject({ operationId: null, path: "/v2/nowhere", status: 404, pathParameters: {} });
    expect(nowhere!.violations).toEqual([expect.objectContaining({ rule: "operation" })]);
    expect(badQuery).toMatchObject({ operationId: "listPools", status: 400, query: { limit: ["abc"] } });
  });

  it("filters by operationId, method and status, in code and over HTTP, oldest first", async () => {
    await call(mock(), { body: exampleOf("createDedicatedPool") });
    await call(mock(), { method: "GET", path: poolPath("pool-a") });
    await call(mock(), { body: "{}" });
    await call(mock(), { body: exampleOf("createDedicatedPool") });
    expect(mock().requests({ operationId: "createPool" }).map((entry) => entry.status)).toEqual([200, 400, 200]);
    expect(mock().requests({ method: "get" }).map((entry) => entry.operationId)).toEqual(["showPool"]);
    expect(mock().requests({ operationId: "createPool", status: 400 })).toHaveLength(1);

    const response = await admin(mock(), "GET", "requests?operationId=createPool&status=200");
    expect(response.status).toBe(200);
    const listed = (await response.json()) as { requests: { operationId: string; status: number }[]; dropped: number };
    expect(listed.requests.map(({ operationId, status }) => [operationId, status])).toEqual([
      ["createPool", 200],
      ["createPool", 200],
    ]);
    expect(listed.dropped).toBe(0);
  });

  it("refuses a filter it does not know, or a status that is not one, naming it; records no admin request", async () => {
    const unknown = await admin(mock(), "GET", "requests?operation=createPool");
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error_msg: string }).error_msg).toContain("operation is not a filter of the journal (it takes operationId, method and status)");
    const status = await admin(mock(), "GET", "requests?status=2xx");
    expect(((await status.json()) as { error_msg: string }).error_msg).toContain('status must be a three-digit HTTP status, not "2xx"');
    const elsewhere = await admin(mock(), "GET", "nothing");
    expect(elsewhere.status).toBe(404);
    expect(((await elsewhere.json()) as { error_msg: string }).error_msg).toContain("GET and DELETE /__mock/requests, POST /__mock/reset");
    expect((await admin(mock(), "PUT", "requests")).status).toBe(405);
    expect(mock().requests()).toEqual([]);
  });

  it("DELETE /__mock/requests and clearRequests() empty it", async () => {
    await call(mock(), { body: exampleOf("createDedicatedPool") });
    expect((await admin(mock(), "DELETE", "requests")).status).toBe(204);
    expect(mock().requests()).toEqual([]);
    await call(mock(), { body: exampleOf("createDedicatedPool") });
    mock().clearRequests();
    expect(mock().requests()).toEqual([]);
  });

  it("takes the time from the mock's clock", async () => {
    const clock = manualClock(Date.UTC(2026, 4, 1, 8, 30));
    await withMock({ clock }, async (timed) => {
      await call(timed, { body: exampleOf("createDedicatedPool") });
      clock.advance(1500);
      await call(timed, { body: exampleOf("createDedicatedPool") });
      expect(timed.requests().map((entry) => entry.time)).toEqual(["2026-05-01T08:30:00.000Z", "2026-05-01T08:30:01.500Z"]);
    });
  });
});

describe("the journal's byte budget", () => {
  it("keeps the newest entries within journalBytes and says how many it dropped", async () => {
    await withMock({ journalBytes: 6_000 }, async (mock) => {
      for (let index = 0; index < 12; index++) await call(mock, { body: createRequest(`pool-${String(index).padStart(3, "0")}`) });
      const kept = mock.requests();
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.length).toBeLessThan(12);
      expect(Buffer.byteLength(JSON.stringify(kept))).toBeLessThanOrEqual(6_000);
      expect(kept.at(-1)!.body).toEqual(createRequest("pool-011"));
      const listed = (await (await admin(mock, "GET", "requests")).json()) as { dropped: number; requests: unknown[] };
      expect(listed.dropped).toBe(12 - kept.length);
    });
  });

  it("refuses a budget that is not a whole number of bytes, naming the option", async () => {
    await expect(startMock({ port: 0, journalBytes: -1 })).rejects.toThrow("journalBytes must be a whole number of bytes from 0 up, not -1");
  });
});

describe("reset", () => {
  let mock: Mock;
  beforeEach(async () => {
    mock = await startMock({ port: 0, stateful: true, creatingMs: 0 });
  });
  afterEach(() => mock.close());

  it("mock.reset() forgets the pools and the journal", async () => {
    expect((await call(mock, { body: createRequest("pool-kept") })).status).toBe(200);
    await mock.reset();
    expect(mock.requests()).toEqual([]);
    const list = await call(mock, { method: "GET" });
    expect(list.body.items).toEqual([]);
    // The name is free again: no 409.
    expect((await call(mock, { body: createRequest("pool-kept") })).status).toBe(200);
  });

  it("POST /__mock/reset does the same over HTTP, and is not recorded", async () => {
    await call(mock, { body: createRequest("pool-over-http") });
    expect((await admin(mock, "POST", "reset")).status).toBe(204);
    expect(mock.requests()).toEqual([]);
    expect((await call(mock, { method: "GET" })).body.items).toEqual([]);
    expect((await admin(mock, "GET", "reset")).status).toBe(405);
  });
});

describe("the admin routes in proxy mode", () => {
  it("are answered by the mock, never forwarded; the forwarded requests are recorded with the upstream's violations", async () => {
    const upstream = await startUpstream((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ kind: "Pool" }));
    });
    try {
      await withMock({ proxy: upstream.url, onViolation: () => undefined }, async (mock) => {
        await call(mock, { method: "GET", path: poolPath("pool-a") });
        expect((await admin(mock, "POST", "reset")).status).toBe(204);
        await call(mock, { method: "GET", path: poolPath("pool-b") });
        const listed = (await (await admin(mock, "GET", "requests")).json()) as { requests: { path: string; status: number; violations: { direction: string }[] }[] };
        expect(upstream.received.map((request) => request.url)).toEqual([poolPath("pool-a"), poolPath("pool-b")]);
        expect(listed.requests).toHaveLength(1);
        expect(listed.requests[0]).toMatchObject({ path: poolPath("pool-b"), status: 200 });
        expect(listed.requests[0]!.violations.some((violation) => violation.direction === "response")).toBe(true);
      });
    } finally {
      await upstream.close();
    }
  });
});
