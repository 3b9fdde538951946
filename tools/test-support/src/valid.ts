// Bodies a schema accepts, drawn at random from a seed: every required property, some optional ones, extra keys where
// the schema takes them, values anywhere in their bounds (and often on them), strings with characters JSON must
// escape. What the generator draws is only as right as its reading of the schema: the tests that use it check each
// body with the real validator first.
import { stringMatching } from "./pattern.js";
import type { Random } from "./random.js";
import { isClosed, patternsOf, schemaAt, typeOf, type Path, type Resolve, type Schema } from "./schema.js";

/** Characters of free-form strings: plain ones, and the ones that test escaping and encoding. */
const TEXT = [..."abcdefghijklmnopqrstuvwxyz0123456789-_. ", '"', "\\", "/", "\n", "\t", "é", "中", "😀", "\u2028"];
/** The span a number without bounds is drawn from. */
const SPAN = 1_000_000;

export interface BodyOptions {
  /** Chance that an optional property is present (default 0.5). */
  optional?: number;
  /** Most extra keys added to an object that takes keys it does not list (default 2). */
  extraKeys?: number;
  /** Longest free-form string drawn, for strings without a maxLength (default 24). */
  longestText?: number;
  /**
   * Names to draw extra keys from, half the time (the rest are made up): e.g. every property name the spec's schemas
   * list, so that a key one schema leaves open and another restricts is drawn.
   */
  extraKeyNames?: readonly string[];
}

export function validBody(schema: unknown, resolve: Resolve, random: Random, options: BodyOptions = {}): unknown {
  const optional = options.optional ?? 0.5;
  const extraKeys = options.extraKeys ?? 2;
  const longestText = options.longestText ?? 24;
  const extraKeyNames = options.extraKeyNames ?? [];

  const draw = (node: unknown, at: Path): unknown => {
    const s = schemaAt(resolve, node, at);
    if (s.const !== undefined) return structuredClone(s.const);
    if (Array.isArray(s.enum)) return structuredClone(random.pick(s.enum));
    switch (typeOf(s)) {
      case "object":
        return object(s, at);
      case "array":
        return array(s, at);
      case "string":
        return string(s);
      case "integer":
        return number(s, true);
      case "number":
        return number(s, false);
      case "boolean":
        return random.chance(0.5);
      default:
        throw new Error(`the schema at /${at.join("/")} has no type the generator can draw`);
    }
  };

  const object = (s: Schema, at: Path): Record<string, unknown> => {
    const required = new Set<string>(s.required ?? []);
    const result: Record<string, unknown> = {};
    for (const [name, child] of Object.entries<unknown>(s.properties ?? {})) {
      if (required.has(name) || random.chance(optional)) result[name] = draw(child, [...at, name]);
    }
    for (const name of required) {
      if (!(name in result)) throw new Error(`the schema at /${at.join("/")} requires ${name}, which it does not describe`);
    }
    if (!isClosed(s) && typeof s.additionalProperties === "object") {
      for (let count = random.int(0, extraKeys); count > 0; count--) {
        const known = extraKeyNames.length > 0 && random.chance(0.5);
        const name = known ? random.pick(extraKeyNames) : `example.com/${random.pick(["extra", "key", "x"])}-${random.int(0, 999)}`;
        if (!(name in result) && !(name in (s.properties ?? {}))) result[name] = draw(s.additionalProperties, [...at, name]);
      }
    }
    return result;
  };

  const array = (s: Schema, at: Path): unknown[] => {
    const min = s.minItems ?? 0;
    const max = Math.min(s.maxItems ?? Number.POSITIVE_INFINITY, min + 3);
    const length = random.int(min, max);
    const items: unknown[] = [];
    const seen = new Set<string>();
    // Unique items: draw again on a repeat, a bounded number of times; an enum too small for the length ends it early.
    for (let attempt = 0; items.length < length && attempt < length * 10; attempt++) {
      const item = draw(s.items ?? {}, [...at, items.length]);
      const key = JSON.stringify(item);
      if (s.uniqueItems && seen.has(key)) continue;
      seen.add(key);
      items.push(item);
    }
    if (items.length < min) throw new Error(`no ${min} distinct items found for the array at /${at.join("/")}`);
    return items;
  };

  const string = (s: Schema): string => {
    const min = s.minLength ?? 0;
    const max = s.maxLength ?? Math.max(min, longestText);
    const [pattern, ...others] = patternsOf(s);
    if (pattern !== undefined) {
      // Several patterns (from an allOf): draw from the first until one meets the others too.
      const regexes = others.map((other) => new RegExp(other, "u"));
      for (let attempt = 0; attempt < 100; attempt++) {
        const text = stringMatching(pattern, random, { min, max });
        if (regexes.every((regex) => regex.test(text))) return text;
      }
      throw new Error(`no string found that matches all of ${[pattern, ...others].join(" ")}`);
    }
    // Length counts code points, as JSON Schema does.
    const length = random.chance(0.2) ? random.pick([min, max]) : random.int(min, Math.min(max, min + longestText));
    return Array.from({ length }, () => random.pick(TEXT)).join("");
  };

  const number = (s: Schema, integer: boolean): number => {
    let low = typeof s.minimum === "number" ? s.minimum : typeof s.exclusiveMinimum === "number" ? s.exclusiveMinimum : -SPAN;
    let high = typeof s.maximum === "number" ? s.maximum : typeof s.exclusiveMaximum === "number" ? s.exclusiveMaximum : SPAN;
    if (integer) {
      low = typeof s.exclusiveMinimum === "number" ? Math.floor(low) + 1 : Math.ceil(low);
      high = typeof s.exclusiveMaximum === "number" ? Math.ceil(high) - 1 : Math.floor(high);
      return random.chance(0.2) ? random.pick([low, high]) : random.int(low, high);
    }
    const value = low + random.next() * (high - low);
    return value === low && typeof s.exclusiveMinimum === "number" ? (low + high) / 2 : value;
  };

  return draw(schema, []);
}
