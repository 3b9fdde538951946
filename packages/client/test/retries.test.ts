import { describe, expect, test } from "vitest";
import { createPoolsClient, ModelArtsApiError, ModelArtsNetworkError } from "../src/index.js";
import { backoffMs, parseRetryAfter, retryDelay, retryPlan } from "../src/retry.js";
import { example, fakeFetch, jsonAnswer, silentFetch } from "./support/fake-fetch.js";
import { manualClock } from "./support/manual-clock.js";

const endpoint = "http://127.0.0.1:4010";
// Tests about how often a call is repeated, not about how long it waits: the back-off is zero. Tests about the
// waits run on a manual clock (support/manual-clock.ts) and move it exactly to the timer they expect.
const noWait = { retries: 2, baseDelayMs: 0, maxDelayMs: 0 };
const unavailable = () => jsonAnswer(503, { error_code: "ModelArts.0001", error_msg: "busy" });
const refused = () => new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:4010") });

describe("retries are opt-in", () => {
  test("without retry options a 503 is thrown at once", async () => {
    const { fetch, sent } = fakeFetch(unavailable(), jsonAnswer(200, example("scaledPool")));
    const pools = createPoolsClient({ projectId: "p", endpoint, fetch });
    await expect(pools.updatePool("x", {})).rejects.toMatchObject({ status: 503 });
    expect(sent).toHaveLength(1);
  });

  test("updatePool repeats after 503, 429, 502, 504 and lost connections, then succeeds", async () => {
    const { fetch, sent } = fakeFetch(unavailable(), jsonAnswer(429, {}), refused(), jsonAnswer(502, {}), jsonAnswer(504, {}), jsonAnswer(200, example("scaledPool")));
    const pools = createPoolsClient({ projectId: "p", endpoint, fetch, retry: { ...noWait, retries: 5 } });
    await expect(pools.updatePool("x", example("scaleOutPool"))).resolves.toMatchObject({ kind: "Pool" });
    expect(sent).toHaveLength(6);
    expect(new Set(sent.map((request) => request.body)).size).toBe(1);
  });

  test("updatePool repeats after its own time-out", async () => {
    const time = manualClock();
    let calls = 0;
    const hanging = silentFetch();
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
      ++calls === 1 ? hanging.fetch(input, init) : Promise.resolve(jsonAnswer(200, example("scaledPool")))) as typeof globalThis.fetch;
    const pools = createPoolsClient({ projectId: "p", endpoint, fetch, timeoutMs: 10, retry: { retries: 1, baseDelayMs: 100, maxDelayMs: 100 }, clock: time.clock });
    const call = pools.updatePool("x", {});
    await hanging.untilSent(1);
    const timeout = await time.runTimer((timer) => timer.delay === 10, "the first attempt's 10 ms time-out");
    const backoff = await time.runTimer((timer) => timer.id > timeout.id, "the back-off before the second attempt");
    await expect(call).resolves.toMatchObject({ kind: "Pool" });
    expect(calls).toBe(2);
    expect(time.elapsed()).toBeCloseTo(10 + backoff.delay, 3); // nothing else waited
  });

  test("gives up after `retries` repeats and throws the last error", async () => {
    const { fetch, sent } = fakeFetch(refused());
    const pools = createPoolsClient({ projectId: "p", endpoint, fetch, retry: noWait });
    await expect(pools.updatePool("x", {})).rejects.toBeInstanceOf(ModelArtsNetworkError);
    expect(sent).toHaveLength(3);
  });

  test.each([400, 401, 404, 409, 500])("does not repeat a %i, which another try would not change", async (status) => {
    const { fetch, sent } = fakeFetch(jsonAnswer(status, { error_code: "ModelArts.1", error_msg: "no" }));
    const pools = createPoolsClient({ projectId: "p", endpoint, fetch, retry: noWait });
    await expect(pools.updatePool("x", {})).rejects.toBeInstanceOf(ModelArtsApiError);
    expect(sent).toHaveLength(1);
  });

  test("createPool is never repeated, whatever the client's retry options say", async () => {
    for (const answer of [unavailable(), refused(), jsonAnswer(429, {}, { "Retry-After": "0" })]) {
      const { fetch, sent } = fakeFetch(answer, jsonAnswer(200, example("createdPool")));
      const pools = createPoolsClient({ projectId: "p", endpoint, fetch, retry: { ...noWait, retries: 5 } });
      await expect(pools.createPool(example("createDedicatedPool"))).rejects.toBeInstanceOf(Error);
      expect(sent).toHaveLength(1);
    }
  });

  test("a call can switch retries on or off", async () => {
    const on = fakeFetch(unavailable(), jsonAnswer(200, example("scaledPool")));
    await createPoolsClient({ projectId: "p", endpoint, fetch: on.fetch }).updatePool("x", {}, { retry: noWait });
    expect(on.sent).toHaveLength(2);
    const off = fakeFetch(unavailable(), jsonAnswer(200, example("scaledPool")));
    await expect(createPoolsClient({ projectId: "p", endpoint, fetch: off.fetch, retry: noWait }).updatePool("x", {}, { retry: false })).rejects.toMatchObject({ status: 503 });
    expect(off.sent).toHaveLength(1);
  });

  test("AK/SK calls are signed again for each attempt, dated by the client's clock", async () => {
    const time = manualClock(Date.parse("2024-01-01T00:00:00Z"));
    const { fetch, sent } = fakeFetch(jsonAnswer(503, {}, { "Retry-After": "2" }), jsonAnswer(200, example("scaledPool")));
    const pools = createPoolsClient({ projectId: "p", endpoint, fetch, auth: { accessKey: "AK", secretKey: "SK" }, retry: noWait, clock: time.clock });
    const call = pools.updatePool("x", {});
    // Signing runs on WebCrypto, outside the clock: the time moves only once the wait has begun.
    await time.runTimer((timer) => timer.delay === 2_000, "the 2 s wait that Retry-After asks for");
    await expect(call).resolves.toMatchObject({ kind: "Pool" });
    expect(sent.map((request) => request.headers["x-sdk-date"])).toEqual(["20240101T000000Z", "20240101T000002Z"]);
    expect(sent[0]!.headers["authorization"]).not.toBe(sent[1]!.headers["authorization"]);
  });
});

describe("waiting between attempts", () => {
  test("honours Retry-After in seconds: nothing is sent again before it has passed", async () => {
    const time = manualClock();
    const { fetch, sent } = fakeFetch(jsonAnswer(429, {}, { "Retry-After": "5" }), jsonAnswer(200, example("scaledPool")));
    const pools = createPoolsClient({ projectId: "p", endpoint, fetch, retry: noWait, clock: time.clock });
    const call = pools.updatePool("x", {});
    const wait = await time.untilTimer((timer) => timer.delay === 5_000, "the 5 s wait that Retry-After asks for");
    time.advance(4_999);
    expect(time.pending()).toContainEqual(wait);
    expect(sent).toHaveLength(1);
    time.advance(1);
    await expect(call).resolves.toMatchObject({ kind: "Pool" });
    expect(sent).toHaveLength(2);
  });

  test("honours Retry-After as an HTTP date, read against the client's clock", async () => {
    const time = manualClock(Date.parse("2024-01-01T00:00:00Z"));
    const { fetch, sent } = fakeFetch(jsonAnswer(503, {}, { "Retry-After": "Mon, 01 Jan 2024 00:00:45 GMT" }), jsonAnswer(200, example("scaledPool")));
    const pools = createPoolsClient({ projectId: "p", endpoint, fetch, retry: noWait, clock: time.clock });
    const call = pools.updatePool("x", {});
    await time.runTimer((timer) => timer.delay === 45_000, "the 45 s wait until the Retry-After date");
    await expect(call).resolves.toMatchObject({ kind: "Pool" });
    expect(sent).toHaveLength(2);
  });

  test("a Retry-After beyond maxRetryAfterMs is not waited for", async () => {
    const { fetch, sent } = fakeFetch(jsonAnswer(503, {}, { "Retry-After": "3600" }));
    const pools = createPoolsClient({ projectId: "p", endpoint, fetch, retry: { ...noWait, maxRetryAfterMs: 60_000 } });
    await expect(pools.updatePool("x", {})).rejects.toMatchObject({ status: 503, retryAfterMs: 3_600_000 });
    expect(sent).toHaveLength(1);
  });

  test("the caller's signal ends the wait, and the wait's timer is cleared", async () => {
    const time = manualClock();
    const { fetch, sent } = fakeFetch(jsonAnswer(503, {}, { "Retry-After": "30" }));
    const pools = createPoolsClient({ projectId: "p", endpoint, fetch, retry: noWait, clock: time.clock });
    const controller = new AbortController();
    const call = pools.updatePool("x", {}, { signal: controller.signal });
    await time.untilTimer((timer) => timer.delay === 30_000, "the 30 s wait that Retry-After asks for");
    controller.abort(new Error("user cancelled"));
    await expect(call).rejects.toThrow("user cancelled");
    expect(sent).toHaveLength(1);
    expect(time.pending()).toEqual([]);
  });

  test("back-off doubles up to maxDelayMs, and the jitter picks a random part of it", () => {
    const plan = retryPlan({ retries: 10, baseDelayMs: 100, maxDelayMs: 1_000 }, "test")!;
    expect([0, 1, 2, 3, 4].map((attempt) => backoffMs(plan, attempt, () => 1))).toEqual([100, 200, 400, 800, 1_000]);
    expect(backoffMs(plan, 3, () => 0.25)).toBe(200);
    expect(backoffMs(plan, 3, () => 0)).toBe(0);
  });

  test("a Retry-After is a floor for the back-off", () => {
    const plan = retryPlan({ retries: 3, baseDelayMs: 100 }, "test")!;
    const answer = (retryAfterMs: number | undefined) => new ModelArtsApiError({ operation: "updatePool", method: "PATCH", url: endpoint }, { status: 503, statusText: "", body: undefined, retryAfterMs });
    expect(retryDelay(plan, 0, answer(2_000), () => 1)).toBe(2_000);
    expect(retryDelay(plan, 0, answer(undefined), () => 0.5)).toBe(50);
    expect(retryDelay(plan, 3, answer(undefined), () => 0.5)).toBeUndefined();
  });

  test("Retry-After is read as seconds or as an HTTP date", () => {
    const now = Date.parse("2024-01-01T00:00:00Z");
    expect(parseRetryAfter("7", now)).toBe(7_000);
    expect(parseRetryAfter("Mon, 01 Jan 2024 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Sun, 31 Dec 2023 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
