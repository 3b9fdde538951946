// Every invalid body gets 400 ModelArts.50004000 naming the field: the cases come from the schemas, not from a list.
import { describe, expect, it } from "vitest";
import { requestBodyValidators } from "@modelarts-pools/spec/validator";
import { negativeCases } from "./negative-cases.js";
import { call, exampleOf, LEAK, MERGE_PATCH, JSON_TYPE, poolPath, spec, useMock, validateError } from "./support.js";

const mock = useMock();
const validators = requestBodyValidators(spec);
const schemaOf = (path: string, method: string, mediaType: string) =>
  (spec.paths[path] as any)[method].requestBody.content[mediaType].schema;

const operations = [
  {
    operationId: "createPool",
    request: { method: "POST" },
    mediaType: JSON_TYPE,
    cases: negativeCases(spec, schemaOf("/v2/{project_id}/pools", "post", JSON_TYPE), exampleOf("createDedicatedPool")),
  },
  {
    operationId: "updatePool",
    request: { method: "PATCH", path: poolPath(exampleOf("scaledPool").metadata.name) },
    mediaType: MERGE_PATCH,
    cases: negativeCases(spec, schemaOf("/v2/{project_id}/pools/{pool_name}", "patch", MERGE_PATCH), exampleOf("scaleOutPool")),
  },
];

describe.each(operations)("$operationId", ({ operationId, request, mediaType, cases }) => {
  const validate = validators[operationId]![mediaType]!;

  it("derives cases of every kind from the schema", () => {
    const kinds = new Set(cases.map((c) => c.name.split(" ")[0]));
    expect(kinds).toEqual(new Set(["break", "drop", "add"]));
    expect(cases.length).toBeGreaterThan(20);
  });

  it.each(cases)("$name → 400 naming $field", async ({ field, valid, body }) => {
    expect(validate(valid), "the case starts from a valid body").toEqual({ valid: true });
    const reply = await call(mock(), { ...request, body });
    expect(reply.status).toBe(400);
    expect(reply.body.error_code).toBe("ModelArts.50004000");
    expect(reply.body.error_msg).toContain(field);
    expect(validateError(reply.body)).toEqual({ valid: true });
    expect(reply.text).not.toMatch(LEAK);
  });
});

describe("bodies that are not JSON objects", () => {
  it.each([
    ["malformed JSON", '{"kind": "Pool",', "the body is not valid JSON"],
    ["a JSON array", "[]", "body must be of type object"],
    ["a JSON string", '"Pool"', "body must be of type object"],
    ["JSON null", "null", "body must be of type object"],
    ["no body at all", "", "body is required"],
    ["only whitespace", "  \n", "body is required"],
  ])("%s gets 400 saying so", async (_what, text, message) => {
    const reply = await call(mock(), { body: text });
    expect(reply.status).toBe(400);
    expect(reply.body.error_code).toBe("ModelArts.50004000");
    expect(reply.body.error_msg).toContain(message);
  });
});
