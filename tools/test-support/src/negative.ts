// Bodies a schema refuses, derived from the schema itself: starting from a valid body, for every schema it reaches,
// drop each required field, break each type, enum, pattern, bound and length, write a number JSON can hold but a
// double cannot (1e400), and add an unknown field to each closed object. New fields in a schema bring new cases with
// no change here. Each case breaks exactly one rule at one place, so the answer must name that place.
import { seededRandom } from "./random.js";
import { formatPath, isClosed, patternsOf, schemaAt, typeOf, type Path, type Resolve, type Schema } from "./schema.js";
import { validBody } from "./valid.js";

export interface NegativeCase {
  /** What was broken, e.g. `drop /spec/network` or `break the type of /spec/resources/0/count`. */
  name: string;
  /** Where: the field the answer must name. */
  path: Path;
  /** `path` as the caller writes fields (the `format` given), e.g. `spec.resources[0].count`. */
  field: string;
  /** The valid body the case starts from (the one given, plus drawn values for fields it leaves out). */
  valid: unknown;
  body: unknown;
  /** The body as sent: JSON of `body`, or text JSON.stringify cannot write (a number such as 1e400). */
  text: string;
}

const UNKNOWN_FIELD = "notInTheSpec";
const EXTRA_KEY = "example.com/extra";
const WRONG_TYPE: Record<string, unknown> = { string: 42, integer: "42", number: "42", boolean: "true", array: {}, object: [] };
/** Stands for 1e400 in a body until it is written out: a number no schema here would draw. */
const MARKER = 918_273_645_546_372;

export function negativeCases(schema: unknown, resolve: Resolve, validStart: unknown, format: (path: Path) => string = formatPath): NegativeCase[] {
  // Values for fields the valid body leaves out: the smallest valid value, the same on every run.
  const fill = (node: unknown) => validBody(node, resolve, seededRandom(0), { optional: 0, extraKeys: 0 });
  const cases: NegativeCase[] = [];
  const add = (what: string, at: Path, valid: unknown, body: unknown, text = JSON.stringify(body)) =>
    cases.push({ name: `${what} ${format(at)}`, path: at, field: format(at), valid, body, text });

  const walk = (node: unknown, at: Path, body: unknown): void => {
    const s = schemaAt(resolve, node, at);
    const value = get(body, at);
    const type = typeOf(s);
    if (type) add("break the type of", at, body, set(body, at, WRONG_TYPE[type]));
    if (Array.isArray(s.enum)) add("break the enum of", at, body, set(body, at, "NotAnOption"));
    if (type === "string") strings(s, at, body);
    if (type === "integer" || type === "number") numbers(s, at, body, type);
    if (type === "object") {
      for (const name of s.required ?? []) add("drop", [...at, name], body, remove(body, [...at, name]));
      if (isClosed(s)) add("add an unknown field to", [...at, UNKNOWN_FIELD], body, set(body, [...at, UNKNOWN_FIELD], "x"));
      for (const [name, child] of Object.entries<unknown>(s.properties ?? {})) {
        const present = (value as Record<string, unknown>)[name] !== undefined;
        walk(child, [...at, name], present ? body : set(body, [...at, name], fill(child)));
      }
      if (!isClosed(s) && typeof s.additionalProperties === "object") {
        walk(s.additionalProperties, [...at, EXTRA_KEY], set(body, [...at, EXTRA_KEY], fill(s.additionalProperties)));
      }
    }
    if (type === "array") {
      const items = Array.isArray(value) ? value : [];
      if (typeof s.minItems === "number" && s.minItems > 0) add(`cut below minItems ${s.minItems}:`, at, body, set(body, at, items.slice(0, s.minItems - 1)));
      if (s.uniqueItems && items.length > 0) add("repeat an item of", at, body, set(body, at, [...items, items[0]]));
      if (s.items) walk(s.items, [...at, 0], items.length > 0 ? body : set(body, [...at, 0], fill(s.items)));
    }
  };

  const strings = (s: Schema, at: Path, body: unknown) => {
    if (typeof s.minLength === "number" && s.minLength > 0) add(`shorten below minLength ${s.minLength}:`, at, body, set(body, at, "a".repeat(s.minLength - 1)));
    if (typeof s.maxLength === "number") add(`lengthen past maxLength ${s.maxLength}:`, at, body, set(body, at, "a".repeat(s.maxLength + 1)));
    const regexes = patternsOf(s).map((pattern) => new RegExp(pattern, "u"));
    if (regexes.length > 0) {
      // A string of a length the schema allows that a pattern refuses; one of these breaks any pattern used here.
      const length = Math.max(s.minLength ?? 0, 4);
      const candidate = ["A", "!", "-", "<", " "].map((char) => char.repeat(length)).find((text) => regexes.some((regex) => !regex.test(text)));
      if (candidate !== undefined) add(`break the pattern of`, at, body, set(body, at, candidate));
    }
  };

  const numbers = (s: Schema, at: Path, body: unknown, type: string) => {
    if (typeof s.minimum === "number") add(`go below minimum ${s.minimum}:`, at, body, set(body, at, s.minimum - 1));
    if (typeof s.maximum === "number") add(`go past maximum ${s.maximum}:`, at, body, set(body, at, s.maximum + 1));
    if (type === "integer") add("give a fraction to", at, body, set(body, at, 1.5));
    const marked = set(body, at, MARKER);
    add("write 1e400 (Infinity) into", at, body, marked, JSON.stringify(marked).replace(String(MARKER), "1e400"));
  };

  walk(schema, [], validStart);
  return cases;
}

function get(body: unknown, at: Path): unknown {
  return at.reduce<any>((node, key) => node?.[key], body);
}

/** A copy of body with the value at `at` replaced (or added); the value itself when `at` is the root. */
export function set(body: unknown, at: Path, value: unknown): unknown {
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
