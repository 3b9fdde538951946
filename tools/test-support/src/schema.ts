// The JSON Schema the generators read: the subset an OpenAPI 3.1 request schema of this repo uses. A keyword outside
// it is refused by name, so a spec that starts using one makes the generators say so instead of making wrong bodies.

export type Schema = Record<string, any>;

/** Follows a node's `$ref`s (keywords beside a `$ref` applying too) and gives the schema it stands for. */
export type Resolve = (node: unknown) => Schema;

/** Where a value is in a body: property names and array indexes, from the root. */
export type Path = (string | number)[];

const UNDERSTOOD = new Set([
  "type", "properties", "required", "additionalProperties", "unevaluatedProperties", "items", "enum", "const", "default",
  "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems",
  "maxItems", "uniqueItems", "allOf",
  // Words for people and tools, not rules.
  "title", "description", "example", "examples", "deprecated", "readOnly", "writeOnly", "$comment",
]);

/** Patterns a value must match besides `pattern`, where an `allOf` brought several. */
export const MORE_PATTERNS = "x-test-support-patterns";

/**
 * The schema at a node, its `$ref`s followed and its `allOf` merged into one schema that asks for all of it; refuses
 * one that uses a rule the generators do not know.
 */
export function schemaAt(resolve: Resolve, node: unknown, at: Path): Schema {
  const schema = resolve(node);
  for (const keyword of Object.keys(schema)) {
    if (!UNDERSTOOD.has(keyword) && !keyword.startsWith("x-")) {
      throw new Error(`the schema at ${formatPath(at)} uses ${keyword}, which the body generators do not know: teach them`);
    }
  }
  if (!Array.isArray(schema.allOf)) return schema;
  const { allOf, ...own } = schema;
  return merge([own, ...allOf.map((member: unknown) => schemaAt(resolve, member, at))], at);
}

/** One schema a value meets exactly when it meets every one of `schemas`, for the rules the generators know. */
function merge(schemas: Schema[], at: Path): Schema {
  const merged: Schema = {};
  const types = [...new Set(schemas.map(typeOf).filter((type) => type !== undefined))];
  if (types.length > 1) throw new Error(`the allOf at ${formatPath(at)} asks for a value of types ${types.join(" and ")} at once`);
  if (types[0]) merged.type = types[0];

  const closed = schemas.some((schema) => schema.additionalProperties === false || schema.unevaluatedProperties === false);
  const names = new Set(schemas.flatMap((schema) => Object.keys(schema.properties ?? {})));
  if (names.size > 0) {
    merged.properties = {};
    for (const name of names) {
      // A property one member lists and another leaves to its additionalProperties must meet both.
      const parts = schemas.flatMap((schema) => {
        if (schema.properties?.[name] !== undefined) return [schema.properties[name]];
        if (schema.additionalProperties === false) return [false];
        return typeof schema.additionalProperties === "object" ? [schema.additionalProperties] : [];
      });
      if (parts.includes(false)) continue; // a member refuses the key: it cannot be present
      merged.properties[name] = parts.length === 1 ? parts[0] : { allOf: parts };
    }
  }
  const extras = schemas.flatMap((schema) => (typeof schema.additionalProperties === "object" ? [schema.additionalProperties] : []));
  if (closed) merged.additionalProperties = false;
  else if (extras.length > 0) merged.additionalProperties = extras.length === 1 ? extras[0] : { allOf: extras };
  const required = [...new Set(schemas.flatMap((schema) => schema.required ?? []))];
  if (required.length > 0) merged.required = required;

  const enums = schemas.filter((schema) => Array.isArray(schema.enum)).map((schema) => schema.enum as unknown[]);
  if (enums.length > 0) {
    const keys = enums.slice(1).map((values) => new Set(values.map((value) => JSON.stringify(value))));
    merged.enum = enums[0]!.filter((value) => keys.every((allowed) => allowed.has(JSON.stringify(value))));
  }
  const constant = schemas.find((schema) => schema.const !== undefined);
  if (constant) merged.const = constant.const;
  const bound = (keyword: string, pick: (...values: number[]) => number) => {
    const values = schemas.map((schema) => schema[keyword]).filter((value): value is number => typeof value === "number");
    if (values.length > 0) merged[keyword] = pick(...values);
  };
  for (const keyword of ["minimum", "exclusiveMinimum", "minLength", "minItems"]) bound(keyword, Math.max);
  for (const keyword of ["maximum", "exclusiveMaximum", "maxLength", "maxItems"]) bound(keyword, Math.min);
  const patterns = schemas.flatMap((schema) => patternsOf(schema));
  if (patterns.length > 0) merged.pattern = patterns[0];
  if (patterns.length > 1) merged[MORE_PATTERNS] = patterns.slice(1);
  if (schemas.some((schema) => schema.uniqueItems === true)) merged.uniqueItems = true;
  const items = schemas.flatMap((schema) => (schema.items === undefined ? [] : [schema.items]));
  if (items.length > 0) merged.items = items.length === 1 ? items[0] : { allOf: items };
  return merged;
}

/** Every pattern a string of this schema must match. */
export function patternsOf(schema: Schema): string[] {
  return [...(typeof schema.pattern === "string" ? [schema.pattern] : []), ...((schema[MORE_PATTERNS] as string[] | undefined) ?? [])];
}

export function typeOf(schema: Schema): string | undefined {
  if (typeof schema.type === "string") return schema.type;
  if (schema.properties || schema.additionalProperties !== undefined) return "object";
  if (schema.items) return "array";
  return undefined;
}

/** Whether an object schema takes properties it does not list. */
export function isClosed(schema: Schema): boolean {
  return schema.additionalProperties === false || schema.unevaluatedProperties === false;
}

/** `["spec", "resources", 0]` → `/spec/resources/0`, for messages. */
export function formatPath(at: Path): string {
  return at.length === 0 ? "the root" : `/${at.join("/")}`;
}
