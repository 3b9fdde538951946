// Every path, query and header parameter of every operation is checked against the spec, in every mode, before the
// answer: a value not of its schema's type, out of its range or off its pattern, a missing required one, or a query
// parameter the operation does not take gets the operation's ModelArts 400 naming the parameter and the rule. The
// operations and their parameters come from the spec, so an operation the spec adds is checked with no edit here.
import { createRequire } from "node:module";
import { deref, isObject, operationsOf, type JsonObject, type OpenApiDocument } from "@modelarts-pools/spec/openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type Mock } from "../src/index.js";
import { validateError } from "./support.js";

const spec = createRequire(import.meta.url)("@modelarts-pools/spec/openapi.json") as OpenApiDocument;

/** Each operation with a query or path parameter whose schema a value can break (a type, a bound, a pattern). */
const cases = operationsOf(spec).flatMap(({ operationId, path, method, parameters }) =>
  parameters.flatMap((parameter) => {
    const schema = deref(spec, parameter.schema) as JsonObject;
    if (parameter.in !== "query" && parameter.in !== "path") return [];
    return badValuesOf(schema).map((bad) => ({ operationId: operationId!, method: method.toUpperCase(), path, where: String(parameter.in), name: String(parameter.name), bad, parameters }));
  }),
);

/** Values the schema refuses, each with the rule that refuses it; none when any text would do. */
function badValuesOf(schema: JsonObject): { value: string; rule: RegExp }[] {
  const bad: { value: string; rule: RegExp }[] = [];
  if (schema.type === "integer") bad.push({ value: "ten", rule: /must be of type integer, not "ten"/ });
  if (schema.type === "integer" && typeof schema.maximum === "number") bad.push({ value: String(schema.maximum + 1), rule: new RegExp(`must be <= ${schema.maximum}`) });
  if (schema.type === "integer" && typeof schema.minimum === "number") bad.push({ value: String(schema.minimum - 1), rule: new RegExp(`must be >= ${schema.minimum}`) });
  if (Array.isArray(schema.enum)) bad.push({ value: "no-such-value", rule: /must be one of/ });
  if (typeof schema.maxLength === "number") bad.push({ value: "a".repeat(schema.maxLength + 1), rule: /must NOT have more than \d+ characters/ });
  else if (typeof schema.pattern === "string") bad.push({ value: "UPPER-and-!", rule: /must match the pattern/ });
  return bad;
}

/** A request of the operation with every path parameter at a valid example and `override` in place. */
function target({ path, parameters }: (typeof cases)[number], override: { where: string; name: string; value: string }): string {
  let url = path;
  for (const parameter of parameters.filter((p) => p.in === "path")) {
    const example = isObject(parameter) && parameter.example !== undefined ? String(parameter.example) : "p-0123456789abcdef0123456789abcdef0123";
    const value = override.where === "path" && override.name === parameter.name ? override.value : example;
    url = url.replace(`{${String(parameter.name)}}`, encodeURIComponent(value));
  }
  return override.where === "query" ? `${url}?${override.name}=${encodeURIComponent(override.value)}` : url;
}

describe.each([
  ["examples", {}],
  ["dynamic", { dynamic: true }],
  ["stateful", { stateful: true }],
] as const)("parameters, %s mode", (_mode, options) => {
  let mock: Mock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, ...options });
  });
  afterAll(() => mock?.close());

  it("the spec has parameters a value can break, in more than one operation (else this test proves nothing)", () => {
    expect(new Set(cases.map((each) => each.operationId)).size).toBeGreaterThan(1);
  });

  it.each(cases.map((each) => [`${each.operationId} ${each.where} ${each.name}=${each.bad.value.slice(0, 20)}`, each] as const))("refuses %s with the ModelArts 400 naming it and the rule", async (_name, each) => {
    const response = await fetch(`${mock.url}${target(each, { where: each.where, name: each.name, value: each.bad.value })}`, {
      method: each.method,
      headers: { "x-auth-token": "t", ...(each.method === "POST" || each.method === "PATCH" ? { "content-type": "application/json" } : {}) },
      body: each.method === "POST" || each.method === "PATCH" ? "{}" : undefined,
    });
    const body = (await response.json()) as { error_code: string; error_msg: string };
    expect(response.status).toBe(400);
    expect(validateError(body)).toEqual({ valid: true });
    expect(body.error_code).toBe("ModelArts.50004000");
    expect(body.error_msg).toContain(`${each.where} parameter ${each.name}`);
    expect(body.error_msg).toMatch(each.bad.rule);
  });

  it("refuses a query parameter the operation does not take, naming the ones it does", async () => {
    const response = await fetch(`${mock.url}/v2/p1/pools?labelSelecter=team%3Da`, { headers: { "x-auth-token": "t" } });
    const body = (await response.json()) as { error_msg: string };
    expect(response.status).toBe(400);
    expect(body.error_msg).toContain("query parameter labelSelecter is not one listPools takes: it takes workspaceId, labelSelector, status");
  });
});
