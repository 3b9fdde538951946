// Every pool stateful mode makes can be shown and deleted: its name fits the `pool_name` that showPool and deletePool
// take (36–63 characters), whatever the length of its name label (4–64 characters).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock, startMock, type Mock } from "../src/index.js";
import { poolNameFor } from "../src/pool-names.js";
import { parameterSchema } from "../src/pool-rules.js";
import { describeApi } from "@modelarts-pools/spec/operations";
import { routesOf } from "../src/router.js";
import { call, createRequest, poolPath, spec, validatePoolDeletion } from "./support.js";

const operations = routesOf(describeApi(spec));
const showPool = operations.find((operation) => operation.operationId === "showPool")!;
const nameSchema = parameterSchema(spec, showPool, "path", "pool_name")!;
const maxLength = nameSchema.maxLength as number;

/** Whether showPool's `pool_name` takes the name, by the spec's own schema. */
function showable(name: string): boolean {
  return name.length >= (nameSchema.minLength as number) && name.length <= maxLength && new RegExp(nameSchema.pattern as string).test(name);
}

/** A name label of `length` characters, with a `-` at `dash` when the create request's pattern allows one there. */
function label(length: number, dash = -1): string {
  return Array.from({ length }, (_, index) => (index === dash && index > 0 && index < length - 1 ? "-" : index === 0 ? "p" : "a")).join("");
}

describe("poolNameFor", () => {
  it("names a pool as the live API does, label, '-' and 32 hex digits, while that fits", () => {
    expect(maxLength).toBe(63);
    for (const length of [4, 30]) {
      const name = poolNameFor(label(length), maxLength, () => false);
      expect(name).toMatch(new RegExp(`^${label(length)}-[0-9a-f]{32}$`));
      expect(showable(name)).toBe(true);
    }
  });

  it("shortens the suffix, then cuts the label, for a longer label, so that the name is one showPool takes", () => {
    expect(poolNameFor(label(31), maxLength, () => false)).toMatch(new RegExp(`^${label(31)}-[0-9a-f]{31}$`));
    expect(poolNameFor(label(54), maxLength, () => false)).toMatch(new RegExp(`^${label(54)}-[0-9a-f]{8}$`));
    expect(poolNameFor(label(64), maxLength, () => false)).toMatch(new RegExp(`^${label(54)}-[0-9a-f]{8}$`));
    for (let length = 4; length <= 64; length++) {
      for (const dash of [-1, length - 11, 53]) {
        const name = poolNameFor(label(length, dash), maxLength, () => false);
        expect(showable(name), `${label(length, dash)} → ${name}`).toBe(true);
      }
    }
  });

  it("never ends the cut label with '-'", () => {
    expect(poolNameFor(label(64, 53), maxLength, () => false)).toMatch(new RegExp(`^${label(53)}-[0-9a-f]{8}$`));
  });

  it("draws again while a name is taken", () => {
    const taken = new Set<string>();
    const first = poolNameFor(label(64), maxLength, () => false);
    taken.add(first);
    let draws = 0;
    const second = poolNameFor(label(64), maxLength, (name) => (draws++ === 0 ? true : taken.has(name)));
    expect(draws).toBe(2);
    expect(second).not.toBe(first);
  });
});

describe("a pool with the longest name label", () => {
  let mock: Mock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, stateful: true, clock: manualClock() });
  });
  afterAll(() => mock.close());

  it("is created, shown and deleted", async () => {
    const longest = label(64);
    const created = await call(mock, { body: createRequest(longest) });
    expect(created.status, created.text).toBe(200);
    const { name } = created.body.metadata;
    expect(showable(name)).toBe(true);
    expect(created.body.metadata.labels["os.modelarts/name"]).toBe(longest);
    const shown = await call(mock, { method: "GET", path: poolPath(name) });
    expect(shown.status).toBe(200);
    expect(shown.body.metadata.name).toBe(name);
    const deleted = await call(mock, { method: "DELETE", path: poolPath(name) });
    expect(deleted.status).toBe(200);
    expect(validatePoolDeletion(deleted.body)).toEqual({ valid: true });
  });
});
