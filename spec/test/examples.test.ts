// Every example in the spec is a value its schema accepts: request and response examples, parameter examples.
import { describe, expect, it } from "vitest";
import { operationsOf } from "../src/openapi.js";
import { pointerValidator, toPointer } from "../src/validator.js";
import { resolve, spec, type Schema } from "./spec.js";

interface ExampleCase { where: string; schemaPointer: string; value: unknown }

function mediaExamples(path: string, method: string, where: string[], content: Schema): ExampleCase[] {
  return Object.entries<Schema>(content).flatMap(([mediaType, media]) =>
    Object.entries<Schema>(media.examples ?? {}).map(([name, example]) => ({
      where: `${method.toUpperCase()} ${path} ${where.join(" ")} ${mediaType} example "${name}"`,
      schemaPointer: toPointer(["paths", path, method, ...where, "content", mediaType, "schema"]),
      value: resolve(example).value,
    })),
  );
}

const cases: ExampleCase[] = operationsOf(spec).flatMap(({ path, method, operation: op }: Schema) => [
  ...mediaExamples(path, method, ["requestBody"], op.requestBody?.content ?? {}),
  ...Object.entries<Schema>(op.responses).flatMap(([status, response]) =>
    // Response components are $refs: validate against the schema they resolve to.
    Object.entries<Schema>(resolve(response).content ?? {}).flatMap(([mediaType, media]) =>
      Object.entries<Schema>(media.examples ?? {}).map(([name, example]) => ({
        where: `${method.toUpperCase()} ${path} ${status} ${mediaType} example "${name}"`,
        schemaPointer: media.schema.$ref.slice(1),
        value: resolve(example).value,
      })),
    ),
  ),
]);

/** Examples the reference pages give (their example requests and answers), which the spec must keep. */
const fromPages = ["createDedicatedPool", "scaleOutPool", "scaledPool", "poolNotFound", "deleteNodes", "tokenInvalid", "resourceFlavorNotFound"];

/** Every example's value, by name. */
const values = Object.fromEntries(Object.entries<Schema>(spec.components.examples).map(([name, example]) => [name, example.value]));

/** The examples a response or request body of an operation holds, by operationId and place ("request", "200", …). */
function examplesOf(operationId: string, place: string): string[] {
  const entry: Schema = operationsOf(spec).find((candidate) => candidate.operationId === operationId)!;
  const body: Schema | undefined = place === "request" ? entry.requestBody : resolve(entry.operation.responses[place]);
  return Object.values<Schema>(body?.content ?? {}).flatMap((media) => Object.keys(media.examples ?? {}));
}

/** Every value of a key anywhere in a value, at any depth. */
function valuesOfKey(value: unknown, key: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuesOfKey(item, key));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([name, inner]) => [...(name === key ? [inner] : []), ...valuesOfKey(inner, key)]);
}

describe("the spec's examples", () => {
  it("include one for every request body and for every answer that has a body", () => {
    const bare = operationsOf(spec).flatMap(({ operationId, operation: op, requestBody }: Schema) => [
      ...(requestBody && examplesOf(operationId, "request").length === 0 ? [`${operationId} request`] : []),
      ...Object.keys(op.responses)
        .filter((status) => Object.keys(resolve(op.responses[status]).content ?? {}).length > 0 && examplesOf(operationId, status).length === 0)
        .map((status) => `${operationId} ${status}`),
    ]);
    expect(cases.length).toBeGreaterThan(0);
    expect(bare).toEqual([]);
  });

  it("include the pages' own examples", () => {
    const names = cases.map((c) => c.where.match(/"(\w+)"$/)![1]);
    expect(names).toEqual(expect.arrayContaining(fromPages));
  });

  it.each(cases)("$where validates against its schema", ({ schemaPointer, value }) => {
    expect(value).toBeDefined();
    expect(pointerValidator(spec as never, schemaPointer)(value)).toEqual({ valid: true });
  });

  it("name nodes as the service does: os-node-created- and five lower-case letters or digits", () => {
    const names = [
      ...examplesOf("listPoolNodes", "200").flatMap((name) => values[name].items.map((node: Schema) => node.metadata.name)),
      ...examplesOf("batchDeletePoolNodes", "request").flatMap((name) => values[name].deleteNodeNames),
    ];
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^os-node-created-[a-z0-9]{5}$/);
  });

  it("show a first page of nodes (metadata.continue set) and a last page (metadata.continue empty)", () => {
    const pages = examplesOf("listPoolNodes", "200").map((name) => values[name].metadata?.continue ?? "");
    expect(pages.some((token: string) => token !== "")).toBe(true);
    expect(pages.some((token: string) => token === "")).toBe(true);
  });

  it("delete nodes the node list examples list, and not all of them (at least one node stays)", () => {
    const listed = new Set(examplesOf("listPoolNodes", "200").flatMap((name) => values[name].items.map((node: Schema) => node.metadata.name)));
    for (const name of examplesOf("batchDeletePoolNodes", "request")) {
      const deleted: string[] = values[name].deleteNodeNames;
      for (const node of deleted) expect(listed.has(node), node).toBe(true);
      expect(deleted.length).toBeLessThan(listed.size);
    }
  });

  it("list, in the resource flavor list, every flavor that the other examples use", () => {
    const listed = new Set(examplesOf("listResourceFlavors", "200").flatMap((name) => values[name].items.map((flavor: Schema) => flavor.metadata.name)));
    const used = new Set(Object.values(values).flatMap((value) => valuesOfKey(value, "flavor")));
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((flavor) => !listed.has(flavor as string))).toEqual([]);
  });

  it("every named example component is used", () => {
    const { examples, ...otherComponents } = spec.components;
    const used = new Set(JSON.stringify([spec.paths, otherComponents]).match(/#\/components\/examples\/\w+/g));
    expect(Object.keys(examples).map((name) => `#/components/examples/${name}`).filter((ref) => !used.has(ref))).toEqual([]);
  });
});
