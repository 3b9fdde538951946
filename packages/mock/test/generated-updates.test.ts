// Stateful mode never refuses a merge patch the update schema accepts because of what the merged pool would look
// like: hundreds of patches drawn from the update schema, applied one after another to one pool, each answered 200
// with the merged pool, a Pool the spec allows.
import { describe, expect, it } from "vitest";
import { describeApi } from "@modelarts-pools/spec/operations";
import { requestBodyValidators } from "@modelarts-pools/spec/validator";
import { seededRandom, validBody } from "@modelarts-pools/test-support";
import { call, exampleOf, extraKeyNames, poolPath, resolve, spec, useMock, validatePool } from "./support.js";

const failures: unknown[] = [];
const mock = useMock({ stateful: true, onError: (error) => failures.push(error) });
const { updatePool } = describeApi(spec).operations;
const mediaType = updatePool!.requestMediaTypes[0]!;
const updateSchema = { $ref: `#/components/schemas/${updatePool!.requestSchema}` };
const validateUpdate = requestBodyValidators(spec).updatePool![mediaType]!;

/** Every value the patch sets is in the pool: objects merged key by key, anything else (arrays too) as it was sent. */
function expectApplied(patch: unknown, pool: unknown, at = "body"): void {
  if (typeof patch === "object" && patch !== null && !Array.isArray(patch)) {
    for (const [key, value] of Object.entries(patch)) expectApplied(value, (pool as Record<string, unknown>)?.[key], `${at}.${key}`);
  } else {
    expect(pool, at).toEqual(patch);
  }
}

describe("generated merge patches in stateful mode", () => {
  it("answers each of 300 with the merged pool, valid against the spec's Pool schema", async () => {
    const created = await call(mock(), { body: exampleOf("createDedicatedPool") });
    expect(created.status, created.text).toBe(200);
    const path = poolPath(created.body.metadata.name);
    const random = seededRandom(12);
    for (let index = 0; index < 300; index++) {
      const patch = validBody(updateSchema, resolve, random, { extraKeyNames });
      expect(validateUpdate(patch), `patch ${index} is one the update schema accepts`).toEqual({ valid: true });
      const reply = await call(mock(), { method: "PATCH", path, body: patch, contentType: mediaType });
      expect(reply.status, `patch ${index}: ${JSON.stringify(patch)} → ${reply.text}`).toBe(200);
      expect(validatePool(reply.body)).toEqual({ valid: true });
      expectApplied(patch, reply.body);
    }
    expect(failures).toEqual([]);
  });
});
