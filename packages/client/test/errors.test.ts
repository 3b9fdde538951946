import { describe, expect, test } from "vitest";
import { freePort } from "../../../scripts/lib/net.mjs";
import { createPoolsClient, ModelArtsApiError, ModelArtsNetworkError, ModelArtsTimeoutError } from "../src/index.js";
import { example, fakeFetch, jsonAnswer, silentFetch } from "./support/fake-fetch.js";
import { manualClock } from "./support/manual-clock.js";

const endpoint = "http://127.0.0.1:4010";

describe("non-2xx answers reject with ModelArtsApiError", () => {
  test("carrying status, error_code, error_msg, the body and the request id", async () => {
    const notFound = example("poolNotFound");
    const { fetch } = fakeFetch(jsonAnswer(404, notFound, { "X-Request-Id": "req-42" }));
    const pools = createPoolsClient({ projectId: "p1", endpoint, fetch });
    const error = await pools.updatePool("gone", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelArtsApiError);
    expect(error).toMatchObject({
      name: "ModelArtsApiError",
      status: 404,
      code: "ModelArts.50015001",
      errorMessage: notFound.error_msg,
      body: notFound,
      requestId: "req-42",
      operation: "updatePool",
      method: "PATCH",
      url: `${endpoint}/v2/p1/pools/gone`,
    });
    expect((error as Error).message).toBe(
      `updatePool: PATCH ${endpoint}/v2/p1/pools/gone answered 404 ModelArts.50015001 ${notFound.error_msg} (request id req-42)`,
    );
  });

  test("the 409 of a pool that already exists", async () => {
    const { fetch } = fakeFetch(jsonAnswer(409, example("poolAlreadyExists")));
    const pools = createPoolsClient({ projectId: "p1", endpoint, fetch });
    await expect(pools.createPool(example("createDedicatedPool"))).rejects.toMatchObject({ status: 409, code: "ModelArts.50015000" });
  });

  test("a gateway's request_id in the body stands in for a missing X-Request-Id", async () => {
    const { fetch } = fakeFetch(jsonAnswer(401, { error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information", request_id: "gw-1" }));
    const pools = createPoolsClient({ projectId: "p1", endpoint, fetch });
    await expect(pools.updatePool("x", {})).rejects.toMatchObject({ status: 401, code: "APIGW.0301", requestId: "gw-1" });
  });

  test("a non-JSON error body still says what happened", async () => {
    const html = "<html><body><h1>502 Bad Gateway</h1>\n<p>upstream closed</p></body></html>";
    const { fetch } = fakeFetch(new Response(html, { status: 502, statusText: "Bad Gateway", headers: { "content-type": "text/html" } }));
    const pools = createPoolsClient({ projectId: "p1", endpoint, fetch });
    const error = (await pools.updatePool("x", {}).catch((e: unknown) => e)) as ModelArtsApiError;
    expect(error).toBeInstanceOf(ModelArtsApiError);
    expect(error.status).toBe(502);
    expect(error.code).toBeUndefined();
    expect(error.body).toBe(html);
    expect(error.message).toContain("answered 502 Bad Gateway: <html><body><h1>502 Bad Gateway</h1> <p>upstream closed</p>");
  });

  test("an empty error body gives the status text", async () => {
    const { fetch } = fakeFetch(new Response(null, { status: 503, statusText: "Service Unavailable" }));
    const pools = createPoolsClient({ projectId: "p1", endpoint, fetch });
    await expect(pools.updatePool("x", {})).rejects.toThrow(/answered 503 Service Unavailable$/);
  });

  test("a 200 whose body is not JSON is an error too", async () => {
    const { fetch } = fakeFetch(new Response("OK", { status: 200 }));
    const pools = createPoolsClient({ projectId: "p1", endpoint, fetch });
    await expect(pools.createPool(example("createDedicatedPool"))).rejects.toThrow("answered 200 but not JSON: OK");
  });
});

describe("failures without an answer are told apart", () => {
  test("a refused connection (real fetch, closed loopback port) is a ModelArtsNetworkError that names the cause", async () => {
    const port = await freePort();
    const pools = createPoolsClient({ projectId: "p1", endpoint: `http://127.0.0.1:${port}` });
    const error = (await pools.updatePool("x", {}).catch((e: unknown) => e)) as ModelArtsNetworkError;
    expect(error).toBeInstanceOf(ModelArtsNetworkError);
    expect(error).not.toBeInstanceOf(ModelArtsApiError);
    expect(error.message).toContain(`updatePool: PATCH http://127.0.0.1:${port}/v2/p1/pools/x got no answer: connect ECONNREFUSED`);
    expect(error.cause).toBeInstanceOf(Error);
  });

  test("no answer within timeoutMs is a ModelArtsTimeoutError, and not a moment earlier", async () => {
    const time = manualClock();
    const { fetch, sent, untilSent } = silentFetch();
    const pools = createPoolsClient({ projectId: "p1", endpoint, fetch, timeoutMs: 20, clock: time.clock });
    let settled = false;
    const call = pools.updatePool("x", {}).catch((e: unknown) => e).finally(() => (settled = true));
    await untilSent(1);
    await time.untilTimer((timer) => timer.delay === 20, "the 20 ms time-out");
    time.advance(19);
    expect(sent[0]!.signal?.aborted).toBe(false);
    time.advance(1);
    const error = await call;
    expect(settled).toBe(true);
    expect(error).toBeInstanceOf(ModelArtsTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 20, message: `updatePool: PATCH ${endpoint}/v2/p1/pools/x got no answer within 20 ms` });
    expect(sent[0]!.signal?.aborted).toBe(true);
  });

  test("a call's own timeoutMs overrides the client's", async () => {
    const time = manualClock();
    const pools = createPoolsClient({ projectId: "p1", endpoint, fetch: silentFetch().fetch, timeoutMs: 60_000, clock: time.clock });
    const call = pools.createPool(example("createDedicatedPool"), { timeoutMs: 10 });
    await time.runTimer((timer) => timer.delay === 10, "the call's 10 ms time-out");
    await expect(call).rejects.toBeInstanceOf(ModelArtsTimeoutError);
    expect(time.elapsed()).toBe(10);
  });

  test("the caller's AbortSignal rejects with its reason, not as a time-out, and clears the time-out", async () => {
    const time = manualClock();
    const { fetch, sent, untilSent } = silentFetch();
    const pools = createPoolsClient({ projectId: "p1", endpoint, fetch, timeoutMs: 60_000, clock: time.clock });
    const controller = new AbortController();
    const call = pools.updatePool("x", {}, { signal: controller.signal });
    await untilSent(1);
    controller.abort();
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe("AbortError");
    expect(sent[0]!.signal?.aborted).toBe(true);
    expect(time.pending()).toEqual([]);
  });

  test("an already aborted signal sends nothing", async () => {
    const { fetch, sent } = fakeFetch(jsonAnswer(200, example("scaledPool")));
    const pools = createPoolsClient({ projectId: "p1", endpoint, fetch });
    await expect(pools.updatePool("x", {}, { signal: AbortSignal.abort(new Error("stop")) })).rejects.toThrow("stop");
    expect(sent).toHaveLength(0);
  });
});
