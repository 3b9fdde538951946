// The three lifecycle pages (fixtures/pages/, as far as the stored text reaches) are in the spec. Parameters are
// requests: exactly the page's, with its required flags, types, options, defaults and ranges. Response tables are
// what the wire carries at least: every row is a property of the page's type, and every option a value of its enum.
// The oracle (fixtures/lifecycle-pages.json) was extracted from the texts by scripts/extract-tables.mjs.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain ESM script without types; it is the extractor the oracle was made with.
import { extractLifecyclePages } from "../scripts/extract-tables.mjs";
import { pointerValidator, toPointer } from "../src/validator.js";
import lifecycle from "./fixtures/lifecycle-pages.json" with { type: "json" };
import { operation, resolve, spec, type Schema } from "./spec.js";

interface Row { name: string; mandatory?: boolean; type: string; description: string; options: string[]; range?: string; default?: string }
interface Table { number: number; title: string; rows: Row[] }
type OperationId = keyof typeof lifecycle;

const pages = lifecycle as Record<OperationId, Table[]>;

/** Parameter tables, by title, and where their parameters go. */
const parameterTables: Record<string, string> = { "Path Parameters": "path", "Query Parameters": "query", "Request header parameters": "header" };

/** Where each body table lives in the spec: the response status, then property names; `[]` steps into array items. */
const bodyTables: Record<OperationId, Record<number, string>> = {
  showPool: {},
  listPools: { 3: "200" },
  deletePool: { 3: "200", 4: "200.metadata" },
};

/** Schema names the pages use for a schema the spec names otherwise: ListPools calls the Pool of its items PoolModel. */
const schemaAliases: Record<string, string> = { PoolModel: "Pool" };

/** "Resource pool ID. The value is …" → "resource pool id": the page's wording that the spec's description keeps. */
function opening(text: string): string {
  const [sentence = ""] = text.split(/\.(?:\s|$)/);
  return normalized(sentence).split(" ").slice(0, 3).join(" ");
}
const normalized = (text: string) => text.toLowerCase().replace(/[^a-z0-9/. ]+/g, " ").replace(/\s+/g, " ").trim();

/** "String" → string, "PoolStatus object" → object PoolStatus, "Array of PoolModel objects" → array of object Pool. */
function pageType(type: string): { type: string; items?: string; schema?: string } {
  if (type === "String") return { type: "string" };
  const array = /^Array of (\w+) objects$/.exec(type);
  if (array) return { type: "array", items: "object", schema: schemaAliases[array[1]!] ?? array[1] };
  const object = /^(\w+) object$/.exec(type);
  if (object) return { type: "object", schema: schemaAliases[object[1]!] ?? object[1] };
  throw new Error(`the oracle has a type the test does not know: ${type}`);
}

/** The same for a property of the spec: its type, its items' type, and the schema component it refers to. */
function specType(property: Schema): { type: string; items?: string; schema?: string } {
  const node = resolve(property);
  const target = node.type === "array" ? node.items : property;
  const schema = typeof target?.$ref === "string" ? target.$ref.replace("#/components/schemas/", "") : undefined;
  if (node.type === "array") return { type: "array", items: resolve(node.items).type, ...(schema && { schema }) };
  return { type: node.type, ...(schema && node.type === "object" && { schema }) };
}

function schemaAt(operationId: OperationId, location: string): Schema {
  const [status, ...steps] = location.split(".");
  let schema: Schema = resolve(operation(operationId).responses[status!]).content["application/json"].schema;
  for (const step of steps) {
    schema = resolve(schema).properties[step.replace("[]", "")];
    if (step.endsWith("[]")) schema = resolve(schema).items;
  }
  return resolve(schema);
}

/** A validator of a parameter's schema: the parameter is the component of the spec that it equals. */
function parameterValidator(parameter: Schema) {
  const same = (candidate: Schema) => JSON.stringify(candidate) === JSON.stringify(parameter);
  const [key] = Object.entries<Schema>(spec.components.parameters).find(([, candidate]) => same(candidate)) ?? [];
  if (!key) throw new Error(`parameter ${parameter.name} is not a component`);
  return pointerValidator(spec as never, toPointer(["components", "parameters", key, "schema"]));
}

/** What a "Range" sentence of a page says about a string, as values it lets through and values it refuses. */
function rangeCases(range: string): { accepted: string[]; refused: string[] } {
  const lengths = /(\d+) to (\d+) characters/.exec(range);
  if (!lengths) return { accepted: [], refused: [] };
  const [min, max] = [Number(lengths[1]), Number(lengths[2])];
  const made = (length: number, start = "p", end = "1") => `${start}${"a-1".repeat(length).slice(0, length - 2)}${end}`;
  const accepted = [made(min), made(max)];
  const refused = [made(min - 1), made(max + 1)];
  if (/start with a lowercase letter/.test(range)) refused.push(made(min, "1"), made(min, "P"), made(min, "-"));
  if (/cannot end with a hyphen/.test(range)) refused.push(made(min, "p", "-"));
  if (/Digits and hyphens \(-\) are allowed/.test(range)) accepted.push(made(min, "p", "9"));
  return { accepted, refused };
}

for (const operationId of Object.keys(pages) as OperationId[]) {
  describe(`${operationId}: the page's tables are in the spec`, () => {
    const tables = pages[operationId];
    const op = operation(operationId);

    it("places every table of the page: parameters by their title, bodies in a response", () => {
      const unplaced = tables.filter((table) => !(table.title in parameterTables) && !(table.number in bodyTables[operationId]));
      expect(unplaced.map((table) => `Table ${table.number} ${table.title}`)).toEqual([]);
    });

    const parameterRows = tables.filter((table) => table.title in parameterTables).flatMap((table) => table.rows.map((row) => ({ row, in: parameterTables[table.title]! })));

    it("has exactly the page's parameters", () => {
      const declared = op.parameters.map((parameter: Schema) => `${parameter.in} ${parameter.name}`).sort();
      expect(declared).toEqual(parameterRows.map((entry) => `${entry.in} ${entry.row.name}`).sort());
    });

    for (const { row, in: place } of parameterRows) {
      describe(`${place} parameter ${row.name}`, () => {
        const parameter: Schema = op.parameters.find((candidate: Schema) => candidate.name === row.name && candidate.in === place);

        it(`is ${row.mandatory ? "required" : "optional"}, of type ${row.type}, and keeps the page's wording`, () => {
          expect(parameter, `${row.name} is missing`).toBeDefined();
          expect(parameter.required ?? false).toBe(row.mandatory);
          expect(parameter.schema.type).toBe(pageType(row.type).type);
          expect(normalized(parameter.description)).toContain(opening(row.description));
        });

        it(row.options.length > 0 ? `takes exactly the options ${row.options.join(", ")}` : "takes any value of its type (the page lists no options)", () => {
          if (row.options.length > 0) expect([...parameter.schema.enum].sort()).toEqual([...row.options].sort());
          else expect(parameter.schema.enum).toBeUndefined();
        });

        it(row.default ? `defaults to ${row.default}` : "has no default (the page gives none)", () => {
          expect(parameter.schema.default).toBe(row.default);
        });

        if (row.range && rangeCases(row.range).accepted.length > 0) {
          it(`keeps the range: ${row.range}`, () => {
            const { accepted, refused } = rangeCases(row.range!);
            const validate = parameterValidator(parameter);
            for (const value of accepted) expect(validate(value), `${value} (${value.length} characters)`).toEqual({ valid: true });
            for (const value of refused) expect(validate(value).valid, `${value} (${value.length} characters)`).toBe(false);
            const [, min, max] = /(\d+) to (\d+) characters/.exec(row.range!)!;
            expect([parameter.schema.minLength, parameter.schema.maxLength]).toEqual([Number(min), Number(max)]);
            expect(parameter.description, "the description says where the range comes from").toContain(`"Obtaining a Resource Pool"`);
          });
        }
      });
    }

    for (const table of tables.filter((candidate) => candidate.number in bodyTables[operationId])) {
      const location = bodyTables[operationId][table.number]!;
      describe(`Table ${table.number} ${table.title} (${location})`, () => {
        const schema = schemaAt(operationId, location);

        for (const row of table.rows) {
          const property: Schema | undefined = schema.properties?.[row.name];

          it(`${row.name}: ${row.type}, with the page's wording`, () => {
            expect(property, `${row.name} is missing`).toBeDefined();
            expect(specType(property!)).toEqual(pageType(row.type));
            expect(normalized(`${property!.description ?? ""} ${resolve(property!).description ?? ""}`)).toContain(opening(row.description));
          });

          if (row.options.length > 0) {
            it(`${row.name}: may be each of the options ${row.options.join(", ")}`, () => {
              expect(resolve(property!).enum).toEqual(expect.arrayContaining(row.options));
            });
          }
        }
      });
    }
  });
}

describe("the lifecycle oracle", () => {
  it("is still what the page texts say", () => {
    expect(extractLifecyclePages(fileURLToPath(new URL("./fixtures/pages", import.meta.url)))).toEqual(lifecycle);
  });
});
