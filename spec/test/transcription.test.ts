// Every row of every table of both API pages is in the spec: the name exactly as written, the type, required exactly
// where the page says Mandatory = Yes, every listed option, and the description. The oracle (fixtures/pages.json) was
// extracted from the pages by scripts/extract-tables.mjs; the last test checks it is still what the pages say.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain ESM script without types; it is the extractor the oracle was made with.
import { extractPages } from "../scripts/extract-tables.mjs";
import pages from "./fixtures/pages.json" with { type: "json" };
import { operation, resolve, type Schema } from "./spec.js";

interface Row { name: string; mandatory?: boolean; type: string; description: string; options: string[] }
interface Table { number: number; title: string; rows: Row[] }

type OperationId = keyof typeof pages;

/**
 * Where each table lives in the spec, as a path from the operation: `request` is the request body schema,
 * `200`/`400`/… a response schema, then property names; `[]` steps into array items.
 */
const tableLocations: Record<OperationId, Record<number, string>> = {
  createPool: {
    3: "request", 4: "request.metadata", 5: "request.metadata.labels", 6: "request.metadata.annotations",
    7: "request.spec", 8: "request.spec.resources[]", 9: "request.spec.network", 10: "request.spec.driver",
    11: "200", 12: "200.metadata", 13: "200.metadata.labels", 14: "200.metadata.annotations", 15: "200.spec",
    16: "200.spec.resources[]", 17: "200.spec.resources[].azs[]", 18: "200.spec.network", 19: "200.spec.driver",
    20: "200.status", 21: "200.status.resources", 22: "200.status.resources.creating[]",
    23: "200.status.resources.creating[].azs[]", 24: "200.status.scope[]", 25: "200.status.driver",
    26: "200.status.driver.gpu", 27: "400", 28: "409",
  },
  updatePool: {
    3: "request", 4: "request.metadata", 5: "request.metadata.annotations", 6: "request.spec",
    7: "request.spec.resources[]", 8: "request.spec.resources[].azs[]", 9: "request.spec.driver",
    10: "200", 11: "200.metadata", 12: "200.metadata.labels", 13: "200.metadata.annotations", 14: "200.spec",
    15: "200.spec.resources[]", 16: "200.spec.resources[].azs[]", 17: "200.spec.network", 18: "200.spec.driver",
    19: "200.status", 20: "200.status.resources", 21: "200.status.resources.creating[]",
    22: "200.status.resources.creating[].azs[]", 23: "200.status.scope[]", 24: "200.status.driver",
    25: "200.status.driver.gpu", 26: "400", 27: "404",
  },
};

/** Rows where the spec follows the live API instead of the page, and the word its description must use to say so. */
const wireOverrides: Record<string, string> = {
  "status.resources.creating": "array",
  "status.resources.available": "array",
  "status.resources.abnormal": "array",
  "status.resources.deleting": "array",
};

function schemaAt(operationId: OperationId, location: string): Schema {
  const op = operation(operationId);
  const [root, ...steps] = location.split(".");
  let schema: Schema =
    root === "request"
      ? (Object.values<Schema>(op.requestBody.content)[0]!.schema as Schema)
      : resolve(op.responses[root!]).content["application/json"].schema;
  for (const step of steps) {
    const isArray = step.endsWith("[]");
    schema = resolve(resolve(schema).properties[step.replace("[]", "")]);
    if (isArray) schema = resolve(schema.items);
  }
  return resolve(schema);
}

function describeType(schema: Schema): string {
  const resolved = resolve(schema);
  if (resolved.type === "array") return `array of ${describeType(resolved.items)}`;
  return String(resolved.type);
}

function expectedType(pageType: string): string {
  if (pageType === "String") return "string";
  if (pageType === "Integer") return "integer";
  if (pageType === "Array of strings") return "array of string";
  if (/^Array of \w+ objects$/.test(pageType)) return "array of object";
  if (/^\w+ object$/.test(pageType)) return "object";
  throw new Error(`the oracle has a type the test does not know: ${pageType}`);
}

const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9/. ]+/g, " ").split(/\s+/).filter(Boolean);
/** The opening of a description: its first sentence, at most three words. */
const opening = (text: string) => words(text.split(/\.\s/)[0]!).slice(0, 3).join(" ");

/** What each page says of a row; a component both pages share may carry either page's wording. */
function pageDescriptions(location: string, name: string): string[] {
  return (Object.keys(pages) as OperationId[]).flatMap((operationId) =>
    (pages[operationId] as Table[])
      .filter((table) => tableLocations[operationId][table.number] === location)
      .flatMap((table) => table.rows.filter((row) => row.name === name).map((row) => opening(row.description))),
  );
}
const isRequestTable = (location: string) => location.startsWith("request");

for (const operationId of Object.keys(pages) as OperationId[]) {
  describe(`${operationId}: every table of the page is in the spec`, () => {
    const tables = pages[operationId] as Table[];

    it("has a location for every table of the page", () => {
      const expected = tables.filter((table) => table.number > 2).map((table) => table.number);
      expect(Object.keys(tableLocations[operationId]).map(Number)).toEqual(expected);
    });

    for (const table of tables.filter((t) => t.number > 2)) {
      const location = tableLocations[operationId][table.number]!;
      describe(`Table ${table.number} ${table.title} (${location})`, () => {
        const schema = schemaAt(operationId, location);

        it("has exactly the page's rows as properties", () => {
          expect(Object.keys(schema.properties).sort()).toEqual(table.rows.map((row) => row.name).sort());
        });

        if (isRequestTable(location)) {
          it("requires exactly the rows whose Mandatory is Yes", () => {
            const mandatory = table.rows.filter((row) => row.mandatory).map((row) => row.name).sort();
            expect([...(schema.required ?? [])].sort()).toEqual(mandatory);
          });
        }

        for (const row of table.rows) {
          const property = schema.properties[row.name] as Schema;
          const field = `${location.replace(/^(request|\d+)\.?/, "").replaceAll("[]", "")}${location.includes(".") ? "." : ""}${row.name}`;

          it(`${row.name}: ${row.type}`, () => {
            expect(property, `${row.name} is missing`).toBeDefined();
            const override = wireOverrides[field];
            if (override) {
              expect(describeType(property)).toBe(`array of ${expectedType(row.type)}`);
              expect(resolve(property).description).toMatch(new RegExp(`\\b${override}`));
            } else {
              expect(describeType(property)).toBe(expectedType(row.type));
            }
          });

          it(`${row.name}: carries the page's description`, () => {
            const description = words(`${property.description ?? ""} ${resolve(property).description ?? ""}`).join(" ");
            const candidates = pageDescriptions(location, row.name);
            expect(candidates.some((candidate) => description.includes(candidate)), `"${description}" opens none of: ${candidates.join(" | ")}`).toBe(true);
          });

          if (row.options.length > 0) {
            it(`${row.name}: lists the options ${row.options.join(", ")}`, () => {
              const resolved = resolve(property);
              if (row.name === "controlMode") {
                // A bit set: the options combine (9 = 8 + 1), so an enum would refuse real values.
                expect(resolved.enum).toBeUndefined();
                expect(resolved.description).toMatch(/bit set/);
                for (const option of row.options) expect(resolved.description).toContain(`\`${option}\``);
                return;
              }
              const values: string[] = (resolved.type === "array" ? resolve(resolved.items) : resolved).enum;
              if (isRequestTable(location)) expect([...values].sort()).toEqual([...row.options].sort());
              else expect(values).toEqual(expect.arrayContaining(row.options));
            });
          }
        }
      });
    }

    it("has the page's path and header parameters", () => {
      const op = operation(operationId);
      const params = op.parameters.map((p: Schema) => resolve(p));
      for (const table of tables.filter((t) => t.number <= 2)) {
        for (const row of table.rows) {
          if (row.name === "Content-Type") {
            // The page's mandatory Content-Type header is the request body's one media type.
            expect(Object.keys(op.requestBody.content)).toEqual([row.description.match(/application\/[\w+-]+/)![0]]);
            continue;
          }
          const param = params.find((p: Schema) => p.name === row.name);
          expect(param, row.name).toMatchObject({ in: table.number === 1 ? "path" : "header", required: row.mandatory });
          expect(param.schema.type).toBe(expectedType(row.type));
          expect(words(param.description).join(" ")).toContain(opening(row.description));
        }
      }
    });
  });
}

const seeds = fileURLToPath(new URL("../../../shared/seeds", import.meta.url));
describe.runIf(existsSync(seeds))("the oracle", () => {
  it("is still what the pages say", () => {
    expect(extractPages(seeds)).toEqual(pages);
  });
});
