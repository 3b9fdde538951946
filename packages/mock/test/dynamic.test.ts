// Dynamic answers: Prism's generator makes each body from the response schema instead of taking an example. Every
// body it makes is one the spec allows, a seed makes them repeatable, and stateful mode is not changed by it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draws } from "@modelarts-pools/test-support";
import { startMock, type Mock } from "../src/index.js";
import { call, exampleOf, poolPath, useMock, validateError, validatePool } from "./support.js";

const create = () => ({ body: exampleOf("createDedicatedPool") });

async function bodies(mock: Mock, count: number): Promise<unknown[]> {
  const answers: unknown[] = [];
  for (let index = 0; index < count; index++) {
    const reply = await call(mock, create());
    expect(reply.status).toBe(200);
    answers.push(reply.body);
  }
  return answers;
}

describe("startMock({ dynamic: true })", () => {
  const mock = useMock({ dynamic: true });

  const count = draws(200);
  it(`answers ${count} generated createPool bodies, every one valid against Pool`, async () => {
    const answers = await bodies(mock(), count);
    const invalid = answers.map((body) => validatePool(body)).filter((result) => !result.valid);
    expect(invalid).toEqual([]);
    // Generated, not the example, and not one body repeated.
    expect(answers).not.toContainEqual(exampleOf("createdPool"));
    expect(new Set(answers.map((body) => JSON.stringify(body))).size).toBeGreaterThan(count * 0.75);
  });

  it("generates the answer Prefer picks by code: a 409 ModelArts error body", async () => {
    const reply = await call(mock(), { ...create(), headers: { prefer: "code=409" } });
    expect(reply.status).toBe(409);
    expect(validateError(reply.body)).toEqual({ valid: true });
    expect(reply.body).not.toEqual(exampleOf("poolAlreadyExists"));
  });

  it("answers the example for Prefer: dynamic=false", async () => {
    expect((await call(mock(), { ...create(), headers: { prefer: "dynamic=false" } })).body).toEqual(exampleOf("createdPool"));
  });

  it("answers a named example when Prefer names one", async () => {
    expect((await call(mock(), { ...create(), headers: { prefer: "example=poolAlreadyExists" } })).body).toEqual(exampleOf("poolAlreadyExists"));
  });
});

describe("seeds", () => {
  const started: Mock[] = [];
  const seeded = async (seed: number) => {
    const mock = await startMock({ dynamic: true, seed });
    started.push(mock);
    return mock;
  };
  afterAll(async () => {
    await Promise.all(started.map((mock) => mock.close()));
  });

  it("the same seed gives the same bodies, in the same order; another seed, others", async () => {
    const [first, second, other] = [await seeded(7), await seeded(7), await seeded(8)];
    const answers = await bodies(first, 10);
    expect(await bodies(second, 10)).toEqual(answers);
    const others = await bodies(other, 10);
    for (const [index, body] of others.entries()) expect(body).not.toEqual(answers[index]);
    // A sequence, not one body over and over.
    expect(new Set(answers.map((body) => JSON.stringify(body))).size).toBe(10);
  });
});

describe("Prefer: dynamic=true on a mock that answers examples", () => {
  const mock = useMock();

  it("generates that one answer from the schema", async () => {
    const reply = await call(mock(), { ...create(), headers: { prefer: "dynamic=true" } });
    expect(reply.status).toBe(200);
    expect(validatePool(reply.body)).toEqual({ valid: true });
    expect(reply.body).not.toEqual(exampleOf("createdPool"));
    expect((await call(mock(), create())).body).toEqual(exampleOf("createdPool"));
  });

  it.each([
    ["dynamic=maybe", "Prefer: dynamic must be true or false, not maybe"],
    ["example=createdPool, dynamic=true", "Prefer: example=createdPool and dynamic=true ask for two different answers; send one of them"],
  ])("refuses Prefer: %s with a 400 that says why", async (prefer, message) => {
    const reply = await call(mock(), { ...create(), headers: { prefer } });
    expect(reply.status).toBe(400);
    expect(reply.body.error_msg).toBe(`Bad request: ${message}`);
  });
});

describe("stateful mode with dynamic answers", () => {
  let mock: Mock;
  beforeAll(async () => {
    mock = await startMock({ stateful: true, dynamic: true, seed: 1 });
  });
  afterAll(async () => {
    await mock?.close();
  });

  it("still creates and updates the pools it keeps", async () => {
    const created = await call(mock, { ...create(), headers: { prefer: "dynamic=true" } });
    expect(created.status).toBe(200);
    expect(created.body.metadata.name).toMatch(/^pool-001-[0-9a-f]{32}$/);
    expect(created.body.status).toEqual({ resources: {} });
    expect(created.body.spec).toEqual(exampleOf("createDedicatedPool").spec);
    const scaled = await call(mock, { method: "PATCH", path: poolPath(created.body.metadata.name), body: exampleOf("scaleOutPool") });
    expect(scaled.body.spec.resources).toEqual(exampleOf("scaleOutPool").spec.resources);
    expect((await call(mock, create())).status).toBe(409);
  });
});
