// getPool, listPools and deletePool: what each sends, what it resolves to, and that the opt-in retries apply to them
// (GET and DELETE are idempotent) as they never do to createPool.
import { describe, expect, test } from "vitest";
import { createPoolsClient, ModelArtsApiError, type PoolDeletion, type Pool } from "../src/index.js";
import { example, fakeFetch, jsonAnswer } from "./support/fake-fetch.js";

const endpoint = "http://127.0.0.1:4010";
const noWait = { retries: 2, baseDelayMs: 0, maxDelayMs: 0 };
const unavailable = () => jsonAnswer(503, { error_code: "ModelArts.0001", error_msg: "busy" });

describe("getPool", () => {
  test("GETs the pool by its metadata.name, with no body, and resolves to it", async () => {
    const { fetch, sent } = fakeFetch(jsonAnswer(200, example("runningPool")));
    const pools = createPoolsClient({ projectId: "p1", region: "cn-north-4", auth: { token: "tok" }, userId: "user-7", fetch });
    const pool: Pool = await pools.getPool("pool-001-86c1 x");
    expect(pool).toEqual(example("runningPool"));
    expect(sent[0]).toMatchObject({
      method: "GET",
      url: "https://modelarts.cn-north-4.myhuaweicloud.com/v2/p1/pools/pool-001-86c1%20x",
      body: "",
      headers: { accept: "application/json", "x-auth-token": "tok", "x-modelarts-user-id": "user-7" },
    });
    expect(sent[0]!.headers).not.toHaveProperty("content-type");
  });

  test("an unknown pool rejects with the API's 404", async () => {
    const { fetch } = fakeFetch(jsonAnswer(404, example("poolNotFound")));
    const failure = createPoolsClient({ projectId: "p1", endpoint, fetch }).getPool("gone");
    await expect(failure).rejects.toBeInstanceOf(ModelArtsApiError);
    await expect(failure).rejects.toMatchObject({ status: 404, code: "ModelArts.50015001", operation: "showPool" });
  });

  test("a pool name that is not one path segment is refused before anything is sent", () => {
    const { fetch, sent } = fakeFetch();
    const pools = createPoolsClient({ projectId: "p1", endpoint, fetch });
    expect(() => pools.getPool("..")).toThrow('showPool: pool_name must be one path segment');
    expect(() => pools.deletePool(undefined as never)).toThrow('deletePool: pool_name must be one path segment');
    expect(sent).toHaveLength(0);
  });
});

describe("listPools", () => {
  test("GETs the pools with the query the spec declares and resolves to the items", async () => {
    const { fetch, sent } = fakeFetch(jsonAnswer(200, example("poolList")));
    const pools = createPoolsClient({ projectId: "p1", endpoint, fetch });
    const items: Pool[] = await pools.listPools({ labelSelector: "os.modelarts/name=pool-001", status: "created", workspaceId: "0" });
    expect(items).toEqual(example("poolList").items);
    expect(sent[0]).toMatchObject({
      method: "GET",
      url: `${endpoint}/v2/p1/pools?workspaceId=0&labelSelector=os.modelarts%2Fname%3Dpool-001&status=created`,
    });
  });

  test("without a query it lists every pool of the project", async () => {
    const { fetch, sent } = fakeFetch(jsonAnswer(200, { apiVersion: "v2", kind: "PoolList", items: [] }));
    await expect(createPoolsClient({ projectId: "p1", endpoint, fetch }).listPools()).resolves.toEqual([]);
    expect(sent[0]!.url).toBe(`${endpoint}/v2/p1/pools`);
  });

  test("a misspelt query name is refused before anything is sent", () => {
    const { fetch, sent } = fakeFetch();
    const pools = createPoolsClient({ projectId: "p1", endpoint, fetch });
    expect(() => pools.listPools({ labelselector: "a=b" } as never)).toThrow('listPools: unknown query parameter "labelselector"');
    expect(sent).toHaveLength(0);
  });
});

describe("deletePool", () => {
  test("DELETEs the pool and resolves to it with its deletionTimestamp", async () => {
    const { fetch, sent } = fakeFetch(jsonAnswer(200, example("deletingPool")));
    const pools = createPoolsClient({ projectId: "p1", endpoint, fetch });
    const deleted: PoolDeletion = await pools.deletePool("pool-001-86c1");
    const asPool: Pool = deleted; // the precise type is a Pool too
    expect(asPool.status.phase).toBe("Deleting");
    expect(deleted.metadata.deletionTimestamp).toBe(example("deletingPool").metadata.deletionTimestamp);
    expect(sent[0]).toMatchObject({ method: "DELETE", url: `${endpoint}/v2/p1/pools/pool-001-86c1`, body: "" });
    expect(sent[0]!.headers).not.toHaveProperty("content-type");
  });
});

describe("the opt-in retries apply to GET and DELETE", () => {
  const calls = {
    getPool: (pools: ReturnType<typeof createPoolsClient>, options?: object) => pools.getPool("x", options),
    listPools: (pools: ReturnType<typeof createPoolsClient>, options?: object) => pools.listPools({}, options),
    deletePool: (pools: ReturnType<typeof createPoolsClient>, options?: object) => pools.deletePool("x", options),
  };
  const answers = { getPool: "runningPool", listPools: "poolList", deletePool: "deletingPool" } as const;

  test.each(Object.keys(calls) as (keyof typeof calls)[])("%s repeats after a 503 when the client asks for retries", async (method) => {
    const { fetch, sent } = fakeFetch(unavailable(), jsonAnswer(200, example(answers[method])));
    await expect(calls[method](createPoolsClient({ projectId: "p", endpoint, fetch, retry: noWait }))).resolves.toBeTruthy();
    expect(sent).toHaveLength(2);
    expect(new Set(sent.map((request) => `${request.method} ${request.url}`)).size).toBe(1);
  });

  test.each(Object.keys(calls) as (keyof typeof calls)[])("%s does not repeat without retries, nor when the call turns them off", async (method) => {
    const off = fakeFetch(unavailable(), jsonAnswer(200, example(answers[method])));
    await expect(calls[method](createPoolsClient({ projectId: "p", endpoint, fetch: off.fetch }))).rejects.toMatchObject({ status: 503 });
    const turnedOff = fakeFetch(unavailable(), jsonAnswer(200, example(answers[method])));
    await expect(calls[method](createPoolsClient({ projectId: "p", endpoint, fetch: turnedOff.fetch, retry: noWait }), { retry: false })).rejects.toMatchObject({ status: 503 });
    expect([off.sent.length, turnedOff.sent.length]).toEqual([1, 1]);
  });

  test.each(Object.keys(calls) as (keyof typeof calls)[])("%s takes retries for one call, and names itself when they are bad", async (method) => {
    const { fetch, sent } = fakeFetch(unavailable(), jsonAnswer(200, example(answers[method])));
    const pools = createPoolsClient({ projectId: "p", endpoint, fetch });
    await expect(calls[method](pools, { retry: noWait })).resolves.toBeTruthy();
    expect(sent).toHaveLength(2);
    expect(() => calls[method](pools, { retry: { retries: -1 } })).toThrow(/^(showPool|listPools|deletePool): retry.retries must be a number ≥ 0$/);
  });
});
