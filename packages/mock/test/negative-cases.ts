// Invalid bodies derived from the request schemas themselves: for every schema a valid body reaches, drop each
// required field, break each enum and each type, and add an unknown field to each closed object. New fields in the
// spec bring new cases with no change here.
import { deref } from "@modelarts-pools/spec/openapi";
import { accessor } from "@modelarts-pools/spec/validator";

type Schema = Record<string, any>;
type Path = (string | number)[];

export interface NegativeCase {
  /** What was broken, e.g. `drop spec.network` or `break the type of spec.resources[0].count`. */
  name: string;
  /** The field the answer must name, as the shared validator writes it. */
  field: string;
  /** The valid body the case starts from (examples, plus synthesized values for fields they leave out). */
  valid: unknown;
  body: unknown;
}

const UNKNOWN_FIELD = "notInTheSpec";
const EXTRA_KEY = "example.com/extra";
const WRONG_TYPE: Record<string, unknown> = { string: 42, integer: "42", number: "42", boolean: "true", array: {}, object: [] };

export function negativeCases(spec: Schema, schema: Schema, validBody: unknown): NegativeCase[] {
  const synthesize = (node: Schema): unknown => {
    const s: Schema = deref(spec, node);
    if (s.enum) return s.enum[0];
    if (s.default !== undefined) return s.default;
    switch (typeOf(s)) {
      case "object":
        return Object.fromEntries((s.required ?? []).map((name: string) => [name, synthesize(s.properties[name])]));
      case "array":
        return Array.from({ length: s.minItems ?? 0 }, () => synthesize(s.items));
      case "integer":
      case "number":
        return s.minimum ?? 1;
      case "boolean":
        return true;
      default:
        return "x".repeat(Math.max(s.minLength ?? 4, 4));
    }
  };

  const cases: NegativeCase[] = [];
  const add = (name: string, field: Path, valid: unknown, body: unknown) =>
    cases.push({ name, field: accessor(field.map(String)), valid, body });

  const walk = (node: Schema, at: Path, body: unknown): void => {
    const s: Schema = deref(spec, node);
    const value = get(body, at);
    const type = typeOf(s);
    if (type) add(`break the type of ${accessor(at.map(String))}`, at, body, set(body, at, WRONG_TYPE[type]));
    if (s.enum) add(`break the enum of ${accessor(at.map(String))}`, at, body, set(body, at, "NotAnOption"));
    if (type === "object") {
      for (const name of s.required ?? []) add(`drop ${accessor([...at, name].map(String))}`, [...at, name], body, remove(body, [...at, name]));
      if (s.additionalProperties === false || s.unevaluatedProperties === false) {
        add(`add an unknown field to ${accessor(at.map(String))}`, [...at, UNKNOWN_FIELD], body, set(body, [...at, UNKNOWN_FIELD], "x"));
      }
      for (const [name, child] of Object.entries<Schema>(s.properties ?? {})) {
        const present = (value as Record<string, unknown>)[name] !== undefined;
        walk(child, [...at, name], present ? body : set(body, [...at, name], synthesize(child)));
      }
      if (s.additionalProperties && typeof s.additionalProperties === "object") {
        walk(s.additionalProperties, [...at, EXTRA_KEY], set(body, [...at, EXTRA_KEY], synthesize(s.additionalProperties)));
      }
    }
    if (type === "array" && s.items) {
      const present = Array.isArray(value) && value.length > 0;
      walk(s.items, [...at, 0], present ? body : set(body, [...at, 0], synthesize(s.items)));
    }
  };
  walk(schema, [], validBody);
  return cases;
}

function typeOf(schema: Schema): string | undefined {
  if (typeof schema.type === "string") return schema.type;
  if (schema.properties || schema.additionalProperties !== undefined) return "object";
  if (schema.items) return "array";
  return undefined;
}

function get(body: unknown, at: Path): unknown {
  return at.reduce<any>((node, key) => node?.[key], body);
}

/** A copy of body with the value at `at` replaced (or added); the root itself when `at` is empty. */
function set(body: unknown, at: Path, value: unknown): unknown {
  if (at.length === 0) return value;
  const copy = structuredClone(body) as any;
  const parent = at.slice(0, -1).reduce((node, key) => node[key], copy);
  parent[at.at(-1)!] = value;
  return copy;
}

function remove(body: unknown, at: Path): unknown {
  const copy = structuredClone(body) as any;
  const parent = at.slice(0, -1).reduce((node, key) => node[key], copy);
  delete parent[at.at(-1)!];
  return copy;
}
