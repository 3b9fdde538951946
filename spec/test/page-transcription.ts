// The checks that a reference page's tables are in the spec, shared by the transcription tests of the page texts in
// fixtures/pages/ (lifecycle-transcription.test.ts, nodes-transcription.test.ts). Parameters and request bodies are
// what a client sends: exactly the page's, with its required flags, types, options, defaults, ranges and
// constraints. Response tables are what the wire carries at least: every row is a property of the page's type, and
// every option a value of its enum.
import { describe, expect, it } from "vitest";
import { pointerValidator, toPointer } from "../src/validator.js";
import { operation, resolve, spec, type Schema } from "./spec.js";

export interface Row {
  name: string;
  mandatory?: boolean;
  type: string;
  description: string;
  options: string[];
  constraints?: string;
  range?: string;
  default?: string;
}
export interface Table { number: number; title: string; rows: Row[] }

export interface PagePlaces {
  /**
   * Where each body table of each page lives in the spec: `request` (the request body) or a response status, then
   * property names; `[]` steps into array items.
   */
  bodyTables: Record<string, Record<number, string>>;
  /** Per operation, schema names its page uses for a schema the spec names otherwise. */
  schemaAliases?: Record<string, Record<string, string>>;
  /**
   * Constraints a page states that the spec does not enforce, by `in name` of the parameter, with the words of the
   * constraint the parameter's description must repeat where it says why.
   */
  unenforced?: Record<string, string>;
}

/** Parameter tables, by title, and where their parameters go. */
const parameterTables: Record<string, string> = { "Path Parameters": "path", "Query Parameters": "query", "Request header parameters": "header" };

/** "Resource pool ID. The value is …" → "resource pool id": the page's wording that the spec's description keeps. */
function opening(text: string): string {
  const [sentence = ""] = text.split(/\.(?:\s|$)/);
  return normalized(sentence).split(" ").slice(0, 3).join(" ");
}
const normalized = (text: string) => text.toLowerCase().replace(/[^a-z0-9/. ]+/g, " ").replace(/\s+/g, " ").trim();

interface Typed { type: string; items?: string; schema?: string }

/** "String" → string, "PoolStatus object" → object PoolStatus, "Array of PoolModel objects" → array of object Pool. */
function pageType(type: string, aliases: Record<string, string>): Typed {
  const scalar: Record<string, string> = { String: "string", Integer: "integer", Long: "integer", Boolean: "boolean" };
  if (scalar[type]) return { type: scalar[type] };
  if (type === "Array of strings") return { type: "array", items: "string" };
  const array = /^Array of (\w+) objects$/.exec(type);
  if (array) return { type: "array", items: "object", schema: aliases[array[1]!] ?? array[1] };
  const object = /^(\w+) object$/.exec(type);
  if (object) return { type: "object", schema: aliases[object[1]!] ?? object[1] };
  throw new Error(`the oracle has a type the test does not know: ${type}`);
}

/** The same for a property of the spec: its type, its items' type, and the schema component it refers to. */
function specType(property: Schema): Typed {
  const node = resolve(property);
  const target = node.type === "array" ? node.items : property;
  const schema = typeof target?.$ref === "string" ? target.$ref.replace("#/components/schemas/", "") : undefined;
  if (node.type === "array") return { type: "array", items: resolve(node.items).type, ...(schema && { schema }) };
  return { type: node.type, ...(schema && node.type === "object" && { schema }) };
}

function schemaAt(operationId: string, location: string): Schema {
  const [root, ...steps] = location.split(".");
  const op = operation(operationId);
  let schema: Schema =
    root === "request"
      ? (Object.values<Schema>(op.requestBody.content)[0]!.schema as Schema)
      : resolve(op.responses[root!]).content["application/json"].schema;
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

interface Cases { accepted: unknown[]; refused: unknown[]; bounds: Record<string, number> }

/**
 * What a "Range" or "Constraints" sentence of a page says, as values it lets through, values it refuses and the
 * bounds the schema must have: "36 to 63 characters …" of a string, "0 to 500" of an integer. Undefined when the
 * sentence says neither.
 */
function rangeCases(text: string, type: string): Cases | undefined {
  const numbers = /^(\d+) to (\d+)$/.exec(text);
  if (numbers && type === "integer") {
    const [min, max] = [Number(numbers[1]), Number(numbers[2])];
    return { accepted: [min, max], refused: [min - 1, max + 1], bounds: { minimum: min, maximum: max } };
  }
  const lengths = /(\d+) to (\d+) characters/.exec(text);
  if (!lengths || type !== "string") return undefined;
  const [min, max] = [Number(lengths[1]), Number(lengths[2])];
  const made = (length: number, start = "p", end = "1") => `${start}${"a-1".repeat(length).slice(0, length - 2)}${end}`;
  const accepted = [made(min), made(max)];
  const refused = [made(min - 1), made(max + 1)];
  if (/start with a lowercase letter/.test(text)) refused.push(made(min, "1"), made(min, "P"), made(min, "-"));
  if (/cannot end with a hyphen/.test(text)) refused.push(made(min, "p", "-"));
  if (/Digits and hyphens \(-\) are allowed/.test(text)) accepted.push(made(min, "p", "9"));
  return { accepted, refused, bounds: { minLength: min, maxLength: max } };
}

/** A page's default, typed as the schema's values are ("500" of an integer is 500). */
const typedDefault = (value: string | undefined, type: string) => (value !== undefined && (type === "integer" || type === "number") ? Number(value) : value);

/** Checks every table of every page against the spec, one describe block per operation. */
export function checkPages(pages: Record<string, Table[]>, places: PagePlaces): void {
  for (const operationId of Object.keys(pages)) {
    describe(`${operationId}: the page's tables are in the spec`, () => {
      const tables = pages[operationId]!;
      const op = operation(operationId);
      const bodyTables = places.bodyTables[operationId] ?? {};
      const aliases = places.schemaAliases?.[operationId] ?? {};

      it("places every table of the page: parameters by their title, bodies in the request or a response", () => {
        const unplaced = tables.filter((table) => !(table.title in parameterTables) && !(table.number in bodyTables));
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
            expect(parameter.schema.type).toBe(pageType(row.type, aliases).type);
            expect(normalized(parameter.description)).toContain(opening(row.description));
          });

          it(row.options.length > 0 ? `takes exactly the options ${row.options.join(", ")}` : "takes any value of its type (the page lists no options)", () => {
            if (row.options.length > 0) expect([...parameter.schema.enum].sort()).toEqual([...row.options].sort());
            else expect(parameter.schema.enum).toBeUndefined();
          });

          it(row.default ? `defaults to ${row.default}` : "has no default (the page gives none)", () => {
            expect(parameter.schema.default).toBe(typedDefault(row.default, parameter.schema.type));
          });

          for (const [kind, text] of [["range", row.range], ["constraint", row.constraints]] as const) {
            const cases = text === undefined ? undefined : rangeCases(text, pageType(row.type, aliases).type);
            if (!cases) continue;
            const unenforced = places.unenforced?.[`${place} ${row.name}`];
            if (unenforced) {
              it(`says why it does not enforce the ${kind}: ${text}`, () => {
                expect(text).toContain(unenforced);
                expect(parameter.description).toContain(unenforced);
                expect(parameter.description).toMatch(/does not enforce/);
              });
              continue;
            }
            it(`keeps the ${kind}: ${text}`, () => {
              const validate = parameterValidator(parameter);
              for (const value of cases.accepted) expect(validate(value), `${JSON.stringify(value)} is accepted`).toEqual({ valid: true });
              for (const value of cases.refused) expect(validate(value).valid, `${JSON.stringify(value)} is refused`).toBe(false);
              expect(parameter.schema).toMatchObject(cases.bounds);
              expect(parameter.description, "the description says which page gives it").toContain(`"${op.summary}"`);
            });
          }
        });
      }

      for (const table of tables.filter((candidate) => candidate.number in bodyTables)) {
        const location = bodyTables[table.number]!;
        const isRequest = location.startsWith("request");
        describe(`Table ${table.number} ${table.title} (${location})`, () => {
          const schema = schemaAt(operationId, location);

          if (isRequest) {
            it("has exactly the page's rows as properties, and no other (the body is closed)", () => {
              expect(Object.keys(schema.properties).sort()).toEqual(table.rows.map((row) => row.name).sort());
              expect(schema.additionalProperties).toBe(false);
            });

            it("requires exactly the rows whose Mandatory is Yes", () => {
              expect([...(schema.required ?? [])].sort()).toEqual(table.rows.filter((row) => row.mandatory).map((row) => row.name).sort());
            });
          }

          for (const row of table.rows) {
            const property: Schema | undefined = schema.properties?.[row.name];

            it(`${row.name}: ${row.type}, with the page's wording`, () => {
              expect(property, `${row.name} is missing`).toBeDefined();
              expect(specType(property!)).toEqual(pageType(row.type, aliases));
              expect(normalized(`${property!.description ?? ""} ${resolve(property!).description ?? ""}`)).toContain(opening(row.description));
            });

            if (row.options.length > 0) {
              it(`${row.name}: may be ${isRequest ? "exactly" : "each of"} the options ${row.options.join(", ")}`, () => {
                const values: string[] = resolve(property!).enum;
                if (isRequest) expect([...values].sort()).toEqual([...row.options].sort());
                else expect(values).toEqual(expect.arrayContaining(row.options));
              });
            }
          }
        });
      }
    });
  }
}
