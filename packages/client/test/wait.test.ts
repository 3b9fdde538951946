// waitForPool on the manual clock: each test waits for the timer it expects (the wait between polls, the
// deadline) and moves the time exactly to it, so a whole 90-minute wait runs at once and the same way every time.
// Every outcome also checks that the wait left no timer behind.
import { describe, expect, test } from "vitest";
import {
  createPoolsClient,
  ModelArtsApiError,
  ModelArtsCallError,
  ModelArtsPoolFailedError,
  ModelArtsTimeoutError,
  type Pool,
  type PoolPhase,
  type PoolsClientOptions,
} from "../src/index.js";
import { example, fakeFetch, jsonAnswer, silentFetch, type Answer } from "./support/fake-fetch.js";
import { manualClock, type ManualClock } from "./support/manual-clock.js";

const endpoint = "http://127.0.0.1:4010";
const name = "pool-001-86c13962597848eeb29c5861153a391f";
const intervalMs = 2_000;
const timeoutMs = 60_000;

/** The running pool of the spec's examples, in `phase` (no phase at all for undefined, as a fresh pool answers). */
function poolIn(phase: PoolPhase | undefined, message?: string): Pool {
  const pool = example("runningPool") as Pool;
  pool.status = { ...pool.status, phase, ...(message === undefined ? {} : { message }) };
  if (phase === undefined) delete pool.status.phase;
  return pool;
}

const answer = (phase: PoolPhase | undefined) => jsonAnswer(200, poolIn(phase));
const notFound = () => jsonAnswer(404, example("poolNotFound"));

/** The outcome of a promise, taken at once so that a rejection is never unhandled while the test drives time. */
function settled<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

function setup(answers: Answer[], options: Partial<PoolsClientOptions> = {}) {
  const time = manualClock();
  const fake = fakeFetch(...answers);
  const pools = createPoolsClient({ projectId: "p1", endpoint, fetch: fake.fetch, clock: time.clock, ...options });
  return { time, pools, ...fake };
}

/** Waits for the pause between two polls, then ends it: the next poll starts. */
const nextPoll = (time: ManualClock, ms = intervalMs) => time.runTimer((timer) => timer.delay === ms, `the ${ms} ms wait before the next poll`);

describe("waitForPool until a phase", () => {
  test("polls while the pool has no phase, then Creating, and resolves with the pool once it is Running", async () => {
    const { time, pools, sent, untilSent } = setup([answer(undefined), answer("Creating"), answer("Running")]);
    const wait = settled(pools.waitForPool(name, { until: "Running", intervalMs, timeoutMs }));
    await untilSent(1);
    await nextPoll(time);
    await untilSent(2);
    await nextPoll(time);
    expect(await wait).toEqual({ value: poolIn("Running") });
    expect(sent.map((request) => `${request.method} ${request.url}`)).toEqual(Array(3).fill(`GET ${endpoint}/v2/p1/pools/${name}`));
    expect(time.elapsed()).toBe(2 * intervalMs);
    expect(time.pending()).toEqual([]);
  });

  test.each(["Running", "Waiting", "Abnormal", "Deleting", "Creating"] as const)("resolves at once when the pool is already %s and that is the phase awaited", async (phase) => {
    const { time, pools, sent } = setup([answer(phase)]);
    expect(await settled(pools.waitForPool(name, { until: phase, intervalMs, timeoutMs }))).toEqual({ value: poolIn(phase) });
    expect(sent).toHaveLength(1);
    expect(time.pending()).toEqual([]);
  });

  test("by default polls every 15 s for at most 90 minutes (Terraform's practice)", async () => {
    const { time, pools, untilSent } = setup([answer("Creating"), answer("Running")]);
    const wait = settled(pools.waitForPool(name, { until: "Running" }));
    await untilSent(1);
    await time.untilTimer((timer) => timer.delay === 15_000, "the default 15 s between polls");
    expect(time.pending().map((timer) => timer.delay).sort((a, b) => a - b)).toEqual([15_000, 90 * 60_000]);
    await nextPoll(time, 15_000);
    expect(await wait).toEqual({ value: poolIn("Running") });
    expect(time.elapsed()).toBe(15_000);
    expect(time.pending()).toEqual([]);
  });

  test("a pool that is gone (404) rejects with the API's error, and polling stops", async () => {
    const { time, pools, sent } = setup([notFound(), answer("Running")]);
    const outcome = await settled(pools.waitForPool(name, { until: "Running", intervalMs, timeoutMs }));
    expect(outcome).toEqual({ error: expect.any(ModelArtsApiError) });
    expect((outcome as { error: ModelArtsApiError }).error).toMatchObject({ status: 404, code: "ModelArts.50015001" });
    expect(sent).toHaveLength(1);
    expect(time.pending()).toEqual([]);
  });

  test("any other failed poll rejects at once unless the client retries", async () => {
    const failing = setup([jsonAnswer(500, { error_code: "ModelArts.0001", error_msg: "oops" }), answer("Running")]);
    expect(await settled(failing.pools.waitForPool(name, { until: "Running", intervalMs, timeoutMs }))).toEqual({ error: expect.objectContaining({ status: 500 }) });
    expect(failing.time.pending()).toEqual([]);

    const retrying = setup([jsonAnswer(503, {}), answer("Running")], { retry: { retries: 1, baseDelayMs: 0, maxDelayMs: 0 } });
    const wait = settled(retrying.pools.waitForPool(name, { until: "Running", intervalMs, timeoutMs }));
    await retrying.time.runTimer((timer) => timer.delay === 0, "the back-off before getPool's second attempt");
    expect(await wait).toEqual({ value: poolIn("Running") });
    expect(retrying.sent).toHaveLength(2);
    expect(retrying.time.pending()).toEqual([]);
  });
});

describe("waitForPool with a predicate", () => {
  test("resolves with the first pool the predicate accepts, after polling past the others", async () => {
    const scaled = (count: number) => {
      const pool = poolIn("Running");
      pool.status.resources = { available: [{ flavor: "modelarts.vm.gpu.tnt004", count }] };
      return jsonAnswer(200, pool);
    };
    const { time, pools, untilSent } = setup([scaled(2), scaled(4)]);
    const seen: number[] = [];
    const wait = settled(
      pools.waitForPool(name, {
        until: (pool) => {
          const count = pool.status.resources?.available?.[0]?.count ?? 0;
          seen.push(count);
          return count >= 4;
        },
        intervalMs,
        timeoutMs,
      }),
    );
    await untilSent(1);
    await nextPoll(time);
    const outcome = await wait;
    expect((outcome as { value: Pool }).value.status.resources?.available?.[0]?.count).toBe(4);
    expect(seen).toEqual([2, 4]);
    expect(time.pending()).toEqual([]);
  });

  test("a predicate that throws rejects the wait with its error", async () => {
    const { time, pools } = setup([answer("Running")]);
    const bug = new Error("predicate bug");
    expect(await settled(pools.waitForPool(name, { until: () => { throw bug; }, intervalMs, timeoutMs }))).toEqual({ error: bug });
    expect(time.pending()).toEqual([]);
  });

  test("a predicate that accepts a failed pool gets it: the failure phases do not override what was asked", async () => {
    const { time, pools } = setup([answer("CreationFailed")]);
    expect(await settled(pools.waitForPool(name, { until: (pool) => pool.status.phase !== undefined, intervalMs, timeoutMs }))).toEqual({ value: poolIn("CreationFailed") });
    expect(time.pending()).toEqual([]);
  });
});

describe("waitForPool until deleted", () => {
  test("polls while the pool is Deleting and resolves with undefined once it answers 404", async () => {
    const { time, pools, sent, untilSent } = setup([answer("Deleting"), answer("Deleting"), notFound()]);
    const wait = settled(pools.waitForPool(name, { until: "deleted", intervalMs, timeoutMs }));
    await untilSent(1);
    await nextPoll(time);
    await untilSent(2);
    await nextPoll(time);
    expect(await wait).toEqual({ value: undefined });
    expect(sent).toHaveLength(3);
    expect(time.pending()).toEqual([]);
  });

  test("a failed pool being deleted is what is expected to go: it does not reject", async () => {
    const { time, pools, untilSent } = setup([answer("CreationFailed"), notFound()]);
    const wait = settled(pools.waitForPool(name, { until: "deleted", intervalMs, timeoutMs }));
    await untilSent(1);
    await nextPoll(time);
    expect(await wait).toEqual({ value: undefined });
    expect(time.pending()).toEqual([]);
  });

  test("an error other than 404 still rejects", async () => {
    const { time, pools } = setup([jsonAnswer(401, { error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information" })]);
    expect(await settled(pools.waitForPool(name, { until: "deleted", intervalMs, timeoutMs }))).toEqual({ error: expect.objectContaining({ status: 401 }) });
    expect(time.pending()).toEqual([]);
  });
});

describe("waitForPool on a failure phase", () => {
  test.each(["CreationFailed", "ScalingFailed", "Error"] as const)("%s rejects at once with ModelArtsPoolFailedError carrying the pool", async (phase) => {
    const { time, pools, sent, untilSent } = setup([answer("Creating"), jsonAnswer(200, poolIn(phase, "Insufficient quota"))]);
    const wait = settled(pools.waitForPool(name, { until: "Running", intervalMs, timeoutMs }));
    await untilSent(1);
    await nextPoll(time);
    const { error } = (await wait) as { error: ModelArtsPoolFailedError };
    expect(error).toBeInstanceOf(ModelArtsPoolFailedError);
    expect(error).toBeInstanceOf(ModelArtsCallError);
    expect(error.name).toBe("ModelArtsPoolFailedError");
    expect(error.pool).toEqual(poolIn(phase, "Insufficient quota"));
    expect(error.message).toBe(`waitForPool: GET ${endpoint}/v2/p1/pools/${name} found the pool in phase ${phase}: Insufficient quota`);
    expect(error).toMatchObject({ operation: "waitForPool", method: "GET", url: `${endpoint}/v2/p1/pools/${name}` });
    expect(sent).toHaveLength(2);
    expect(time.pending()).toEqual([]);
  });

  test.each(["CreationFailed", "ScalingFailed", "Error"] as const)("%s resolves when it is the very phase awaited", async (phase) => {
    const { time, pools } = setup([answer(phase)]);
    expect(await settled(pools.waitForPool(name, { until: phase, intervalMs, timeoutMs }))).toEqual({ value: poolIn(phase) });
    expect(time.pending()).toEqual([]);
  });

  test("the failed pool in the error has the client's secrets taken out", async () => {
    const token = "MIIZkQYJKoZIhvcNAQcCoIIZgjCCGX4CAQExDTALBglghkgBZQMEAgEwgheNBgkqhkiG";
    const pool = poolIn("CreationFailed", `rejected token ${token}`);
    pool.metadata.annotations = { "os.modelarts/description": token };
    const { pools } = setup([jsonAnswer(200, pool)], { auth: { token } });
    const { error } = (await settled(pools.waitForPool(name, { until: "Running", intervalMs, timeoutMs }))) as { error: ModelArtsPoolFailedError };
    expect(JSON.stringify(error.pool)).not.toContain(token);
    expect(error.message).not.toContain(token);
    expect(error.message).toContain("rejected token [redacted]");
  });
});

describe("waitForPool running out of time", () => {
  test("rejects with ModelArtsTimeoutError at the deadline, saying the last phase, and polls no more", async () => {
    const { time, pools, sent, untilSent } = setup([answer("Creating")]);
    const wait = settled(pools.waitForPool(name, { until: "Running", intervalMs: 2_000, timeoutMs: 5_000 }));
    for (let polls = 1; polls <= 3; polls++) {
      await untilSent(polls);
      await time.untilTimer((timer) => timer.delay === 2_000, `the wait after poll ${polls}`);
      time.advance(Math.min(2_000, 5_000 - time.elapsed())); // the third pause is cut short by the deadline
    }
    const { error } = (await wait) as { error: ModelArtsTimeoutError };
    expect(error).toBeInstanceOf(ModelArtsTimeoutError);
    expect(error.timeoutMs).toBe(5_000);
    expect(error.message).toBe(`waitForPool: GET ${endpoint}/v2/p1/pools/${name} waited 5000 ms for Running (last phase: Creating)`);
    expect(time.elapsed()).toBe(5_000);
    expect(sent).toHaveLength(3);
    expect(time.pending()).toEqual([]);
    time.advance(60_000);
    expect(sent).toHaveLength(3);
  });

  test("the deadline also ends a poll in flight: its request is aborted", async () => {
    const time = manualClock();
    const hanging = silentFetch();
    const pools = createPoolsClient({ projectId: "p1", endpoint, fetch: hanging.fetch, clock: time.clock, timeoutMs: 30_000 });
    const wait = settled(pools.waitForPool(name, { until: (pool) => pool.status.phase === "Running", intervalMs, timeoutMs: 10_000 }));
    await hanging.untilSent(1);
    await time.runTimer((timer) => timer.delay === 10_000, "the wait's 10 s deadline");
    const { error } = (await wait) as { error: ModelArtsTimeoutError };
    expect(error).toBeInstanceOf(ModelArtsTimeoutError);
    expect(error.timeoutMs).toBe(10_000); // the wait's, not the call's 30 s
    expect(error.message).toContain("waited 10000 ms for the condition (last phase: undefined)");
    expect(hanging.sent[0]!.signal?.aborted).toBe(true);
    expect(time.pending()).toEqual([]);
  });

  test("timeoutMs Infinity sets no deadline", async () => {
    const { time, pools, untilSent } = setup([answer("Creating"), answer("Running")]);
    const wait = settled(pools.waitForPool(name, { until: "Running", intervalMs, timeoutMs: Infinity }));
    await untilSent(1);
    await time.untilTimer((timer) => timer.delay === intervalMs, "the wait between polls");
    expect(time.pending()).toHaveLength(1);
    await nextPoll(time);
    expect(await wait).toEqual({ value: poolIn("Running") });
  });
});

describe("waitForPool and its signal", () => {
  test("aborting between polls rejects with the signal's reason, clears the timers and polls no more", async () => {
    const { time, pools, sent, untilSent } = setup([answer("Creating")]);
    const controller = new AbortController();
    const wait = settled(pools.waitForPool(name, { until: "Running", intervalMs, timeoutMs, signal: controller.signal }));
    await untilSent(1);
    await nextPoll(time);
    await untilSent(2);
    await time.untilTimer((timer) => timer.delay === intervalMs, "the second wait between polls");
    const reason = new Error("user cancelled");
    controller.abort(reason);
    expect(await wait).toEqual({ error: reason });
    expect(time.pending()).toEqual([]);
    time.advance(timeoutMs);
    expect(sent).toHaveLength(2);
  });

  test("aborting during a poll aborts its request too", async () => {
    const time = manualClock();
    const hanging = silentFetch();
    const pools = createPoolsClient({ projectId: "p1", endpoint, fetch: hanging.fetch, clock: time.clock });
    const controller = new AbortController();
    const wait = settled(pools.waitForPool(name, { until: "Running", intervalMs, timeoutMs, signal: controller.signal }));
    await hanging.untilSent(1);
    controller.abort("stop");
    expect(await wait).toEqual({ error: "stop" });
    expect(hanging.sent[0]!.signal?.aborted).toBe(true);
    expect(time.pending()).toEqual([]);
  });

  test("an already aborted signal rejects before anything is sent", async () => {
    const { time, pools, sent } = setup([answer("Running")]);
    const reason = new Error("too late");
    expect(await settled(pools.waitForPool(name, { until: "Running", signal: AbortSignal.abort(reason) }))).toEqual({ error: reason });
    expect(sent).toHaveLength(0);
    expect(time.pending()).toEqual([]);
  });
});

describe("waitForPool refuses bad options at once, naming the field and the rule", () => {
  test.each([
    [{ until: "running" }, 'waitForPool: until must be one of Creating, Running, Abnormal, Deleting, Error, CreationFailed, ScalingFailed, Waiting, deleted or a function, got "running"'],
    [{}, "waitForPool: until must be one of"],
    [undefined, "waitForPool: until must be one of"],
    [{ until: "Running", timeoutMs: 0 }, "waitForPool: timeoutMs must be a number > 0"],
    [{ until: "Running", intervalMs: -1 }, "waitForPool: intervalMs must be a number > 0"],
    [{ until: "Running", intervalMs: "15000" }, "waitForPool: intervalMs must be a number > 0"],
  ])("%j", (options, message) => {
    const { time, pools, sent } = setup([answer("Running")]);
    expect(() => pools.waitForPool(name, options as never)).toThrow(message);
    expect(sent).toHaveLength(0);
    expect(time.pending()).toEqual([]);
  });

  test("a pool name that is not one path segment", () => {
    const { pools } = setup([answer("Running")]);
    expect(() => pools.waitForPool("..", { until: "Running" })).toThrow("waitForPool: pool_name must be one path segment");
  });
});
