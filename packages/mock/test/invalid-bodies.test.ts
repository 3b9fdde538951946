// Every invalid body gets 400 ModelArts.50004000 naming the field: the cases come from the schemas of every operation
// that takes a body (the shared generators of @modelarts-pools/test-support), not from a list.
import { describe, expect, it } from "vitest";
import { inline } from "@modelarts-pools/spec/openapi";
import { describeApi } from "@modelarts-pools/spec/operations";
import { accessor, requestBodyValidators } from "@modelarts-pools/spec/validator";
import { negativeCases, seededRandom, validBody } from "@modelarts-pools/test-support";
import { call, LEAK, resolve, spec, useMock, validateError } from "./support.js";

const mock = useMock();
const validators = requestBodyValidators(spec);
const operations = Object.values(describeApi(spec).operations).filter((operation) => operation.requestSchema !== undefined);

describe.each(operations)("$operationId", ({ operationId, method, path, requestMediaTypes, requestSchema }) => {
  const mediaType = requestMediaTypes[0]!;
  const validate = validators[operationId]![mediaType]!;
  const schema = { $ref: `#/components/schemas/${requestSchema}` };
  const cases = negativeCases(schema, resolve, validBody(schema, resolve, seededRandom(1)), (at) => accessor(at.map(String)));
  const request = { method, path: path.replace(/\{[^}]+\}/g, "p-1"), contentType: mediaType };

  it("derives cases from the schema: a required field dropped, a type broken, a field added", () => {
    const kinds = new Set(cases.map((c) => c.name.split(" ")[0]));
    for (const kind of ["break", "drop", "add"]) expect(kinds).toContain(kind);
    // A number JSON can hold but the schema cannot ("write 1e400"), where the schema has a number to write it into.
    if (JSON.stringify(inline(spec, schema)).includes('"integer"')) expect(kinds).toContain("write");
  });

  it.each(cases)("$name → 400 naming $field", async ({ field, valid, text }) => {
    expect(validate(valid), "the case starts from a valid body").toEqual({ valid: true });
    expect(validate(JSON.parse(text)).valid, "the case is a body the spec refuses").toBe(false);
    const reply = await call(mock(), { ...request, body: text });
    expect(reply.status, reply.text).toBe(400);
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
