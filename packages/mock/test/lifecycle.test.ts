// Stateful mode lives a pool's whole life over HTTP, on a clock the test moves: created with no phase, Creating,
// Running (or CreationFailed when asked), listed, scaled, deleted (Deleting), gone. Never a sleep: every change is
// seen at its exact millisecond.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../../scripts/lib/wait.mjs";
import { manualClock, startMock, type ManualClock, type Mock } from "../src/index.js";
import { NO_PHASE_SHARE } from "../src/pool-lifecycle.js";
import {
  call,
  createRequest,
  exampleOf,
  poolPath,
  PROJECT,
  validateError,
  validatePool,
  validatePoolDeletion,
  validatePoolList,
  type Reply,
} from "./support.js";

const creatingMs = 10_000;
const deletingMs = 4_000;
const noPhaseMs = creatingMs * NO_PHASE_SHARE;
const POOLS = `/v2/${PROJECT}/pools`;

let clock: ManualClock;
let mock: Mock;
beforeAll(async () => {
  clock = manualClock(Date.parse("2026-03-04T05:06:07Z"));
  mock = await startMock({ port: 0, stateful: true, clock, creatingMs, deletingMs });
});
afterAll(() => mock.close());

function pool(reply: Reply, validate = validatePool) {
  expect(reply.status, reply.text).toBe(200);
  expect(validate(reply.body)).toEqual({ valid: true });
  return reply.body;
}
const show = (name: string) => call(mock, { method: "GET", path: poolPath(name) });
const phaseOf = async (name: string) => pool(await show(name)).status.phase;
const list = async (query = "") => pool(await call(mock, { method: "GET", path: `${POOLS}${query}` }), validatePoolList);
const namesIn = async (query = "") => (await list(query)).items.map((item: any) => item.metadata.name);

describe("a pool's life", () => {
  it("create → no phase → Creating → Running → listed → updated → Deleting → gone", async () => {
    const created = pool(await call(mock, { body: createRequest("pool-life") }));
    const { name } = created.metadata;
    expect(created.status).toEqual({ resources: {} });
    expect(await phaseOf(name)).toBeUndefined();

    clock.advance(noPhaseMs - 1);
    expect(await phaseOf(name)).toBeUndefined();
    expect(await namesIn("?status=creating")).toContain(name);
    clock.advance(1);
    expect(await phaseOf(name)).toBe("Creating");
    expect(await namesIn("?status=creating")).toContain(name);
    expect(await namesIn("?status=created")).not.toContain(name);

    clock.advance(creatingMs - noPhaseMs - 1);
    expect(await phaseOf(name)).toBe("Creating");
    clock.advance(1);
    const running = pool(await show(name));
    expect(running.status.phase).toBe("Running");
    expect({ ...running, status: { ...running.status, phase: undefined } }).toEqual({ ...created, status: { ...created.status, phase: undefined } });

    const found = await list("?labelSelector=os.modelarts/name=pool-life");
    expect(found.items).toEqual([running]);
    expect(await namesIn("?status=created")).toContain(name);

    const scaled = pool(await call(mock, { method: "PATCH", path: poolPath(name), body: exampleOf("scaleOutPool") }));
    expect(scaled.status.phase).toBe("Running");
    expect(scaled.spec.resources).toEqual(exampleOf("scaleOutPool").spec.resources);
    expect(pool(await show(name))).toEqual(scaled);

    clock.advance(1_000);
    const deleting = pool(await call(mock, { method: "DELETE", path: poolPath(name) }), validatePoolDeletion);
    expect(deleting.status.phase).toBe("Deleting");
    expect(deleting.metadata.deletionTimestamp).toBe(new Date(clock.now()).toISOString().replace(".000Z", "Z"));
    expect(deleting.spec).toEqual(scaled.spec);
    expect(pool(await show(name))).toEqual(deleting);
    expect(await namesIn()).toContain(name);

    clock.advance(deletingMs - 1);
    expect(await phaseOf(name)).toBe("Deleting");
    clock.advance(1);
    for (const gone of [
      await show(name),
      await call(mock, { method: "PATCH", path: poolPath(name), body: {} }),
      await call(mock, { method: "DELETE", path: poolPath(name) }),
    ]) {
      expect(gone.status).toBe(404);
      expect(gone.body).toEqual(exampleOf("poolNotFound"));
    }
    expect(await namesIn()).not.toContain(name);
    // Its name label is free again.
    pool(await call(mock, { body: createRequest("pool-life") }));
  });

  it("ends in CreationFailed when the create prefers it, and is listed as failed", async () => {
    const created = pool(await call(mock, { body: createRequest("pool-doomed"), headers: { prefer: "phase=CreationFailed" } }));
    const { name } = created.metadata;
    expect(created.status).toEqual({ resources: {} });
    clock.advance(noPhaseMs);
    expect(await phaseOf(name)).toBe("Creating");
    clock.advance(creatingMs - noPhaseMs);
    expect(await phaseOf(name)).toBe("CreationFailed");
    expect(await namesIn("?status=failed")).toEqual([name]);
    expect(await namesIn("?status=created")).not.toContain(name);
    expect(await namesIn("?status=creating")).not.toContain(name);
    // A failed pool is deleted like any other.
    expect(pool(await call(mock, { method: "DELETE", path: poolPath(name) }), validatePoolDeletion).status.phase).toBe("Deleting");
    clock.advance(deletingMs);
    expect((await show(name)).status).toBe(404);
  });

  it("refuses a phase a pool cannot end in with a 400 listing the ones it takes, and keeps no pool", async () => {
    const reply = await call(mock, { body: createRequest("pool-odd"), headers: { prefer: "phase=Abnormal" } });
    expect(reply.status).toBe(400);
    expect(validateError(reply.body)).toEqual({ valid: true });
    expect(reply.body.error_msg).toContain("Prefer: phase=Abnormal is not a phase a created pool can end in (it takes Running or CreationFailed)");
    expect(await namesIn("?labelSelector=os.modelarts/name=pool-odd")).toEqual([]);
  });

  it("takes Prefer: phase=Running, the phase a pool ends in anyway", async () => {
    const { name } = pool(await call(mock, { body: createRequest("pool-said-running"), headers: { prefer: "phase=Running" } })).metadata;
    clock.advance(creatingMs);
    expect(await phaseOf(name)).toBe("Running");
  });

  it("answers a second delete as the first, without starting the time again", async () => {
    const { name } = pool(await call(mock, { body: createRequest("pool-twice-deleted") })).metadata;
    const first = pool(await call(mock, { method: "DELETE", path: poolPath(name) }), validatePoolDeletion);
    clock.advance(deletingMs - 1);
    const second = pool(await call(mock, { method: "DELETE", path: poolPath(name) }), validatePoolDeletion);
    expect(second.metadata.deletionTimestamp).toBe(first.metadata.deletionTimestamp);
    clock.advance(1);
    expect((await show(name)).status).toBe(404);
  });

  it("keeps the name label of a pool being deleted taken until it is gone", async () => {
    const { name } = pool(await call(mock, { body: createRequest("pool-label-held") })).metadata;
    pool(await call(mock, { method: "DELETE", path: poolPath(name) }), validatePoolDeletion);
    expect((await call(mock, { body: createRequest("pool-label-held") })).status).toBe(409);
    clock.advance(deletingMs);
    pool(await call(mock, { body: createRequest("pool-label-held") }));
  });
});

describe("lifecycle times", () => {
  it("with 0 ms a pool is Running at once and a deleted one gone at once", async () => {
    const instant = await startMock({ port: 0, stateful: true, clock: manualClock(), creatingMs: 0, deletingMs: 0 });
    try {
      const created = pool(await call(instant, { body: createRequest("pool-instant") }));
      expect(created.status.phase).toBeUndefined(); // the create answer is always the freshly accepted pool
      const path = poolPath(created.metadata.name);
      expect(pool(await call(instant, { method: "GET", path })).status.phase).toBe("Running");
      expect(pool(await call(instant, { method: "DELETE", path }), validatePoolDeletion).status.phase).toBe("Deleting");
      expect((await call(instant, { method: "GET", path })).status).toBe(404);
    } finally {
      await instant.close();
    }
  });

  it.each([
    ["creatingMs", -1],
    ["deletingMs", 1.5],
    ["creatingMs", Number.NaN],
  ] as const)("refuses %s: %s, naming the option and the rule", async (option, value) => {
    await expect(startMock({ port: 0, stateful: true, [option]: value })).rejects.toThrow(`${option} must be a whole number of milliseconds from 0 up, not ${value}`);
  });

  it("runs on the real clock too: a pool created with creatingMs 50 is Running before a generous deadline", async () => {
    const real = await startMock({ port: 0, stateful: true, creatingMs: 50, deletingMs: 50 });
    try {
      const { name } = pool(await call(real, { body: createRequest("pool-real-time") })).metadata;
      const path = poolPath(name);
      const seen: unknown[] = [];
      await waitFor(
        async () => {
          seen.push(pool(await call(real, { method: "GET", path })).status.phase);
          return seen.at(-1) === "Running";
        },
        { what: "the pool to be Running", deadlineMs: 120_000, intervalMs: 10, seen: () => `phases seen: ${JSON.stringify(seen)}` },
      );
      expect(seen.every((phase) => [undefined, "Creating", "Running"].includes(phase as string))).toBe(true);
    } finally {
      await real.close();
    }
  });
});
