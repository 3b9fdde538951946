// Numbers that are not finite: `1e400` is valid JSON and JSON.parse makes it Infinity, which no field of the API
// means (and which JSON.stringify writes back as null). Every numeric field of every body refuses it, by name.
import { describe, expect, it } from "vitest";
import { namedExample, operationsOf } from "../src/openapi.js";
import { requestBodyValidators, schemaValidator, type BodyValidator, type ValidationResult } from "../src/validator.js";
import { resolve, spec, type Schema } from "./spec.js";

const validators = requestBodyValidators(spec as never);
const validateCreate = validators.createPool!["application/json"]!;
const validateUpdate = validators.updatePool!["application/merge-patch+json"]!;
const validatePool = schemaValidator(spec as never, "Pool");

const example = (name: string) => namedExample<Schema>(spec, name);

/** A create body and a patch whose numbers sit at every numeric field of their schemas (checked below). */
const createBody = () => example("createDedicatedPool");
const updateBody = () => ({
  spec: { resources: [{ flavor: "modelarts.vm.cpu.4ud", count: 3, azs: [{ az: "cn-north-7c", count: 3 }] }] },
});

type Path = (string | number)[];

/** Paths (array items as index 0) of every integer or number in a schema, following $refs and allOf. */
function numericFields(schema: Schema, at: Path = [], seen = new Set<Schema>()): Path[] {
  const node = resolve(schema);
  if (seen.has(node)) return [];
  const inner = new Set(seen).add(node);
  const own = node.type === "integer" || node.type === "number" ? [at] : [];
  return [
    ...own,
    ...Object.entries<Schema>(node.properties ?? {}).flatMap(([name, property]) => numericFields(property, [...at, name], inner)),
    ...(node.items ? numericFields(node.items, [...at, 0], inner) : []),
    ...(node.allOf ?? []).flatMap((part: Schema) => numericFields(part, at, inner)),
  ];
}

/** Paths of the numbers a value holds. */
function numericLeaves(value: unknown, at: Path = []): Path[] {
  if (typeof value === "number") return [at];
  if (Array.isArray(value)) return value.flatMap((item, index) => numericLeaves(item, [...at, index]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => numericLeaves(item, [...at, key]));
  return [];
}

function setAt(body: unknown, path: Path, value: unknown): void {
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], body);
  parent[path.at(-1)!] = value;
}

/** `["spec", "resources", 0, "count"]` → `spec.resources[0].count`, the way the validator names fields. */
const fieldName = (path: Path) => path.map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? key : `.${key}`)).join("");

function problems(result: ValidationResult) {
  expect(result.valid).toBe(false);
  return result.valid ? [] : result.problems;
}

const requestBodies: { operation: string; schema: () => Schema; body: () => unknown; validate: BodyValidator }[] = [
  {
    operation: "createPool",
    schema: () => resolve(spec.paths["/v2/{project_id}/pools"].post.requestBody).content["application/json"].schema,
    body: createBody,
    validate: validateCreate,
  },
  {
    operation: "updatePool",
    schema: () => resolve(spec.paths["/v2/{project_id}/pools/{pool_name}"].patch.requestBody).content["application/merge-patch+json"].schema,
    body: updateBody,
    validate: validateUpdate,
  },
];

describe("numbers that are not finite", () => {
  it("come from valid JSON: 1e400 parses to Infinity", () => {
    expect(JSON.parse('{"count":1e400}').count).toBe(Infinity);
    expect(JSON.parse('{"count":-1e400}').count).toBe(-Infinity);
  });

  for (const { operation, schema, body, validate } of requestBodies) {
    describe(`${operation} bodies`, () => {
      it("hold a number at every numeric field of the schema (so the cases below cover them all)", () => {
        const fields = numericFields(schema()).map(fieldName).sort();
        expect(fields.length).toBeGreaterThan(0);
        expect(numericLeaves(body()).map(fieldName).sort()).toEqual(fields);
        expect(validate(body())).toEqual({ valid: true });
      });

      for (const path of numericLeaves(body())) {
        for (const value of [Infinity, -Infinity, NaN]) {
          it(`refuse ${String(value)} at ${fieldName(path)}, naming the field and the rule`, () => {
            const bad = body();
            setAt(bad, path, value);
            expect(problems(validate(bad))).toContainEqual({
              field: fieldName(path),
              pointer: `/${path.join("/")}`,
              rule: "type",
              message: `${fieldName(path)} must be a finite integer, not ${String(value)}`,
            });
          });
        }
      }
    });
  }

  it("are refused in a body parsed from JSON text, as a server receives it", () => {
    const text = JSON.stringify(updateBody()).replace('"count":3,"azs"', '"count":1e400,"azs"').replace('"count":3}', '"count":-1e400}');
    const fields = problems(validateUpdate(JSON.parse(text))).filter((p) => p.rule === "type").map((p) => p.field);
    expect(fields.sort()).toEqual(["spec.resources[0].azs[0].count", "spec.resources[0].count"]);
  });

  it("are covered in every request body that has a numeric field (the list above is all of them)", () => {
    const withNumbers = operationsOf(spec).flatMap(({ operationId, requestBody }) =>
      Object.values<Schema>((requestBody?.content ?? {}) as Schema).some((media) => numericFields(media.schema).length > 0) ? [operationId!] : [],
    );
    expect(withNumbers.length).toBeGreaterThan(0);
    expect(withNumbers.sort()).toEqual(requestBodies.map(({ operation }) => operation).sort());
  });

  it("are refused in a NodeList answer, whose remainingItemCount is an integer", () => {
    const page = example("nodeListFirstPage");
    page.metadata.remainingItemCount = Infinity;
    expect(problems(schemaValidator(spec as never, "NodeList")(page))).toContainEqual(expect.objectContaining({ field: "metadata.remainingItemCount", rule: "type" }));
  });

  it("are refused in a Pool answer too, so an answer carrying one is caught", () => {
    const pool = example("scaledPool");
    pool.status.resources.available[0].count = Infinity;
    pool.spec.controlMode = Infinity;
    expect(problems(validatePool(pool)).map((p) => p.field).sort()).toEqual(["spec.controlMode", "status.resources.available[0].count"]);
  });

  it("leave large finite numbers to the bounds", () => {
    const patch = updateBody();
    patch.spec.resources[0]!.count = 1e300;
    expect(problems(validateUpdate(patch))).toEqual([expect.objectContaining({ field: "spec.resources[0].count", rule: "maximum" })]);
  });
});
