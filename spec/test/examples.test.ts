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
    Object.entries<Schema>(resolve(response).content).flatMap(([mediaType, media]) =>
      Object.entries<Schema>(media.examples ?? {}).map(([name, example]) => ({
        where: `${method.toUpperCase()} ${path} ${status} ${mediaType} example "${name}"`,
        schemaPointer: media.schema.$ref.slice(1),
        value: resolve(example).value,
      })),
    ),
  ),
]);

describe("the spec's examples", () => {
  it("include the pages' examples and one per response", () => {
    const names = cases.map((c) => c.where.match(/"(\w+)"$/)![1]);
    expect(names.sort()).toEqual(
      [
        ...["badRequest", "badRequest", "contentTypeNotSupported", "createDedicatedPool", "createdPool", "poolAlreadyExists", "poolNotFound", "scaleOutPool", "scaledPool"],
        ...["runningPool", "badRequest", "poolNotFound", "poolList", "badRequest", "deletingPool", "badRequest", "poolNotFound"],
      ].sort(),
    );
  });

  it.each(cases)("$where validates against its schema", ({ schemaPointer, value }) => {
    expect(value).toBeDefined();
    expect(pointerValidator(spec as never, schemaPointer)(value)).toEqual({ valid: true });
  });

  it("every named example component is used", () => {
    const { examples, ...otherComponents } = spec.components;
    const used = new Set(JSON.stringify([spec.paths, otherComponents]).match(/#\/components\/examples\/\w+/g));
    expect(Object.keys(examples).map((name) => `#/components/examples/${name}`).filter((ref) => !used.has(ref))).toEqual([]);
  });
});
