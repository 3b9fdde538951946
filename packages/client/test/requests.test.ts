import { describe, expect, test } from "vitest";
import { createPoolsClient, type CreatePoolRequest } from "../src/index.js";
import { rawClientOf } from "../src/raw.js";
import { fillPath, queryString } from "../src/url.js";
import { example, fakeFetch, jsonAnswer } from "./support/fake-fetch.js";

const createBody = example("createDedicatedPool") as CreatePoolRequest;

describe("createPool", () => {
  test("POSTs the body as application/json to /v2/{project_id}/pools and resolves to the pool", async () => {
    const { fetch, sent } = fakeFetch(jsonAnswer(200, example("createdPool")));
    const pools = createPoolsClient({ projectId: "p1", region: "cn-north-4", auth: { token: "tok" }, userId: "user-7", fetch });
    const pool = await pools.createPool(createBody);
    expect(pool.metadata.name).toBe("pool-001-86c13962597848eeb29c5861153a391f");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      method: "POST",
      url: "https://modelarts.cn-north-4.myhuaweicloud.com/v2/p1/pools",
      headers: { "content-type": "application/json", accept: "application/json", "x-auth-token": "tok", "x-modelarts-user-id": "user-7" },
    });
    expect(JSON.parse(sent[0]!.body)).toEqual(createBody);
  });
});

describe("updatePool", () => {
  test("PATCHes as application/merge-patch+json, never application/json", async () => {
    const { fetch, sent } = fakeFetch(jsonAnswer(200, example("scaledPool")));
    const pools = createPoolsClient({ projectId: "p1", endpoint: "http://127.0.0.1:4010/", fetch });
    const pool = await pools.updatePool("auto-pool-os-86c1", example("scaleOutPool"));
    expect(pool.status.resources?.creating?.[0]?.count).toBe(1);
    expect(sent[0]).toMatchObject({ method: "PATCH", url: "http://127.0.0.1:4010/v2/p1/pools/auto-pool-os-86c1" });
    expect(sent[0]!.headers["content-type"]).toBe("application/merge-patch+json");
    expect(JSON.parse(sent[0]!.body)).toEqual(example("scaleOutPool"));
  });

  test("the extra headers of a call cannot turn the PATCH into application/json", async () => {
    const { fetch, sent } = fakeFetch(jsonAnswer(200, example("scaledPool")));
    const pools = createPoolsClient({ projectId: "p1", endpoint: "http://127.0.0.1:4010", fetch });
    await pools.updatePool("pool-a", {}, { headers: { "X-Trace": "t1", "Content-Type": "text/plain", "content-type": "application/json" } });
    expect(sent[0]!.headers).toMatchObject({ "content-type": "application/merge-patch+json", "x-trace": "t1" });
  });

  test.each([
    ["a/b", "a%2Fb"],
    ["a?b#c", "a%3Fb%23c"],
    ["a b", "a%20b"],
    ["..a", "..a"],
    ["pool'(1)*!", "pool%27%281%29%2A%21"],
    ["é", "%C3%A9"],
  ])("escapes the pool name %j as one path segment", async (poolName, segment) => {
    const { fetch, sent } = fakeFetch(jsonAnswer(200, example("scaledPool")));
    const pools = createPoolsClient({ projectId: "p/1", endpoint: "http://127.0.0.1:4010", fetch });
    await pools.updatePool(poolName, {});
    expect(sent[0]!.url).toBe(`http://127.0.0.1:4010/v2/p%2F1/pools/${segment}`);
  });

  test.each([".", "..", ""])("refuses the pool name %j, which cannot be one path segment, before anything is sent", (poolName) => {
    const { fetch, sent } = fakeFetch();
    const pools = createPoolsClient({ projectId: "p1", endpoint: "http://127.0.0.1:4010", fetch });
    expect(() => pools.updatePool(poolName, {})).toThrow('updatePool: pool_name must be one path segment: a non-empty string other than "." and ".."');
    expect(sent).toHaveLength(0);
  });
});

describe("rawClientOf (the ./raw entry)", () => {
  test("is openapi-fetch with the same endpoint, headers and auth, and PATCHes as a merge patch", async () => {
    const { fetch, sent } = fakeFetch(jsonAnswer(200, example("scaledPool")));
    const pools = createPoolsClient({ projectId: "p1", endpoint: "http://127.0.0.1:4010", auth: { token: "tok" }, userId: "u", fetch });
    const { data, error } = await rawClientOf(pools).PATCH("/v2/{project_id}/pools/{pool_name}", {
      params: { path: { project_id: "p1", pool_name: "pool-a" } },
      body: { spec: { resources: [{ flavor: "modelarts.vm.cpu.4ud", count: 3 }] } },
    });
    expect(error).toBeUndefined();
    expect(data?.kind).toBe("Pool");
    expect(sent[0]).toMatchObject({ method: "PATCH", url: "http://127.0.0.1:4010/v2/p1/pools/pool-a" });
    expect(sent[0]!.headers).toMatchObject({ "content-type": "application/merge-patch+json", "x-auth-token": "tok", "x-modelarts-user-id": "u" });
  });

  test("gives one raw client per client, and none for an object that is not a client", () => {
    const pools = createPoolsClient({ projectId: "p1", endpoint: "http://127.0.0.1:4010", fetch: fakeFetch().fetch });
    expect(rawClientOf(pools)).toBe(rawClientOf(pools));
    expect(rawClientOf(pools)).not.toBe(rawClientOf(createPoolsClient({ projectId: "p1", endpoint: "http://127.0.0.1:4010" })));
    expect(() => rawClientOf({ ...pools })).toThrow("rawClientOf: pools must be a client made by createPoolsClient");
    expect(Object.keys(pools)).not.toContain("raw");
  });
});

describe("the URL of a call", () => {
  test("fills the path template in order, each value one encoded segment", () => {
    expect(fillPath("/v2/{project_id}/pools/{pool_name}", ["p/1", "a b"], "op")).toBe("/v2/p%2F1/pools/a%20b");
    expect(() => fillPath("/v2/{project_id}/pools/{pool_name}", ["p1"], "getPool")).toThrow("getPool: pool_name must be one path segment");
  });

  test("encodes the query parameters the operation declares, in its order, and leaves out those not given", () => {
    expect(queryString(["workspaceId", "labelSelector", "status"], { labelSelector: "os.modelarts/name=pool 1", workspaceId: "0", status: undefined }, "listPools")).toBe(
      "?workspaceId=0&labelSelector=os.modelarts%2Fname%3Dpool%201",
    );
    expect(queryString(["status"], {}, "listPools")).toBe("");
    expect(queryString(["status"], undefined, "listPools")).toBe("");
  });

  test("refuses a query name the operation does not declare, naming it and the spec's names: a misspelt filter must not list every pool", () => {
    const names = ["workspaceId", "labelSelector", "status"];
    expect(() => queryString(names, { labelselector: "a=b" }, "listPools")).toThrow(
      'listPools: unknown query parameter "labelselector", not one of workspaceId,labelSelector,status',
    );
    expect(() => queryString(undefined, { status: "created" }, "showPool")).toThrow('showPool: unknown query parameter "status"');
  });
});

describe("options", () => {
  test("a region becomes its endpoint from the spec's servers; an endpoint wins and loses its trailing slash", () => {
    expect(createPoolsClient({ projectId: "p", region: "cn-north-4" }).endpoint).toBe("https://modelarts.cn-north-4.myhuaweicloud.com");
    expect(createPoolsClient({ projectId: "p", region: "sa-brazil-1" }).endpoint).toBe("https://modelarts.sa-brazil-1.myhuaweicloud.com");
    // CN-Hong Kong is the one region under .cn (FACTS.md, "Transport").
    expect(createPoolsClient({ projectId: "p", region: "ap-southeast-1" }).endpoint).toBe("https://modelarts.ap-southeast-1.myhuaweicloud.cn");
    expect(createPoolsClient({ projectId: "p", region: "x", endpoint: "http://localhost:4010/base/" }).endpoint).toBe("http://localhost:4010/base");
  });

  test.each([
    [{ projectId: "" , region: "cn-north-4" }, "createPoolsClient: projectId must be a non-empty string"],
    [{ projectId: "p" }, "createPoolsClient: region must be one of cn-north-1, cn-north-2, cn-north-4,"],
    [{ projectId: "p" }, "ap-southeast-1, or give endpoint instead (got undefined)"],
    [{ projectId: "..", region: "cn-north-4" }, 'createPoolsClient: projectId must be one path segment: a non-empty string other than "." and ".."'],
    [{ projectId: "p", region: "evil.com/x" }, ', or give endpoint instead (got "evil.com/x")'],
    [{ projectId: "p", region: "eu-west-0" }, ', or give endpoint instead (got "eu-west-0")'],
    [{ projectId: "p", region: "cn-north-4, cn-north-1" }, "(got \"cn-north-4, cn-north-1\")"],
    [{ projectId: "p", region: "constructor" }, '(got "constructor")'],
    [{ projectId: "p", region: 4 as never }, "createPoolsClient: region must be one of"],
    [{ projectId: "p", endpoint: "not a url" }, 'createPoolsClient: endpoint must be an absolute http(s) URL, got "not a url"'],
    [{ projectId: "p", endpoint: "ftp://h" }, "createPoolsClient: endpoint must be an absolute http(s) URL"],
    [{ projectId: "p", endpoint: "https://user:secret@h" }, "createPoolsClient: endpoint must not contain a user name or password"],
    [{ projectId: "p", region: "cn-north-4", timeoutMs: 0 }, "createPoolsClient: timeoutMs must be a number > 0"],
    [{ projectId: "p", region: "cn-north-4", retry: { retries: -1 } }, "createPoolsClient: retry.retries must be a number ≥ 0"],
    [{ projectId: "p", region: "cn-north-4", clock: { now: () => 0 } }, "createPoolsClient: clock must have now, setTimeout and clearTimeout functions"],
    [{ projectId: "p", region: "cn-north-4", auth: { token: "" } }, "createPoolsClient: auth.token must be a non-empty string"],
    [{ projectId: "p", region: "cn-north-4", auth: { accessKey: "AK", secretKey: "" } }, "createPoolsClient: auth.secretKey must be a non-empty string"],
    [{ projectId: "p", region: "cn-north-4", auth: { token: "t", accessKey: "AK", secretKey: "SK" } }, "createPoolsClient: auth must be either { token } or { accessKey, secretKey }"],
  ])("bad options are refused with an error naming the field (%#)", (options, message) => {
    expect(() => createPoolsClient(options as never)).toThrow(message);
  });

  test("a body that is not an object is refused before anything is sent", async () => {
    const { fetch, sent } = fakeFetch();
    const pools = createPoolsClient({ projectId: "p", region: "cn-north-4", fetch });
    expect(() => pools.createPool(null as never)).toThrow("createPool: the body must be an object (CreatePoolRequest)");
    expect(() => pools.updatePool("x", [] as never)).toThrow("updatePool: the body must be an object (UpdatePoolRequest)");
    expect(sent).toHaveLength(0);
  });

  test("without an injected fetch, the global fetch of the moment is used", async () => {
    const { fetch, sent } = fakeFetch(jsonAnswer(200, example("scaledPool")));
    const pools = createPoolsClient({ projectId: "p", endpoint: "http://127.0.0.1:9" });
    const original = globalThis.fetch;
    globalThis.fetch = fetch;
    try {
      await pools.updatePool("x", {});
    } finally {
      globalThis.fetch = original;
    }
    expect(sent).toHaveLength(1);
  });
});
