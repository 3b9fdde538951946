import { isObject, type Json, type JsonObject, resolveRef } from "@modelarts-pools/spec/openapi";
import { compareDocumentation, compareLoosely, isDocumentation, type Context } from "./context.js";
import { deepEqual } from "./resolve.js";

/**
 * Which side of the wire a schema describes. Old clients SEND requests, so a request schema may only accept more;
 * old clients READ responses, so a response schema may only promise more.
 */
export type Direction = "request" | "response";

/** What a schema is called in messages: `response body Pool`, `parameter pool_name`, `request property X.y`. */
export interface Subject {
  noun: string;
  name: string;
}

const lowerBounds = ["minLength", "minItems", "minProperties", "minimum", "exclusiveMinimum", "minContains"];
const upperBounds = ["maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMaximum", "maxContains"];
const compositions = ["allOf", "oneOf", "anyOf"];
const handled = new Set([
  "type", "properties", "required", "enum", "const", "pattern", "multipleOf", "uniqueItems", "format",
  "additionalProperties", "unevaluatedProperties", "items", "default", "deprecated",
  ...lowerBounds, ...upperBounds, ...compositions,
]);
const allTypes = ["array", "boolean", "integer", "null", "number", "object", "string"];

export function compareSchema(
  ctx: Context,
  before: Json | undefined,
  after: Json | undefined,
  direction: Direction,
  subject: Subject,
  where: string,
  stack: readonly string[] = [],
): void {
  const a = resolveRef(ctx.before, before);
  const b = resolveRef(ctx.after, after);
  // A recursive schema: this pair of components is already being compared further up.
  const pair = `${a.ref ?? "inline"}→${b.ref ?? "inline"}`;
  if (a.ref && b.ref && stack.includes(pair)) return;
  const inner = [...stack, pair];
  const s = { ctx, a: a.node, b: b.node, direction, subject, where, label: `${subject.noun} ${subject.name}` };

  compareType(s);
  compareEnum(s);
  comparePattern(s);
  compareBounds(s);
  compareProperties(s, inner);
  compareOpenness(s, "additionalProperties", inner);
  compareOpenness(s, "unevaluatedProperties", inner);
  if (s.a.items !== undefined || s.b.items !== undefined) {
    compareSchema(ctx, s.a.items ?? {}, s.b.items ?? {}, direction, child(direction, `${subject.name}[]`), where, inner);
  }
  compareCompositions(s, inner);
  if (!deepEqual(s.a.default, s.b.default)) {
    ctx.out.add("default-changed", `default of ${s.label} changed from ${show(s.a.default)} to ${show(s.b.default)}`, where);
  }
  if (s.a.deprecated !== s.b.deprecated) {
    ctx.out.add("deprecated", `${s.label} ${s.b.deprecated ? "deprecated" : "no longer deprecated"}`, where);
  }
  compareDocumentation(ctx, s.a, s.b, s.label, where);
  for (const key of new Set([...Object.keys(s.a), ...Object.keys(s.b)])) {
    if (handled.has(key) || isDocumentation(key) || deepEqual(s.a[key], s.b[key])) continue;
    compareLoosely(ctx, s.a[key], s.b[key], `${key} of ${s.label}`, where);
  }
}

interface Side {
  ctx: Context;
  a: JsonObject;
  b: JsonObject;
  direction: Direction;
  subject: Subject;
  where: string;
  label: string;
}

function child(direction: Direction, name: string): Subject {
  return { noun: `${direction} property`, name };
}

function propertyPath(parent: string, property: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(property) ? `${parent}.${property}` : `${parent}[${JSON.stringify(property)}]`;
}

function show(value: Json | undefined): string {
  return value === undefined ? "none" : JSON.stringify(value);
}

function typesOf(schema: JsonObject): Set<string> {
  if (typeof schema.type === "string") return new Set([schema.type]);
  if (Array.isArray(schema.type)) return new Set(schema.type.filter((t): t is string => typeof t === "string"));
  return new Set(allTypes);
}

function accepts(types: Set<string>, type: string): boolean {
  return types.has(type) || (type === "integer" && types.has("number"));
}

function showTypes(types: Set<string>): string {
  return types.size === allTypes.length ? "any" : [...types].sort().join(" | ");
}

function compareType({ ctx, a, b, direction, where, label }: Side): void {
  const before = typesOf(a);
  const after = typesOf(b);
  const lost = [...before].filter((t) => !accepts(after, t));
  const gained = [...after].filter((t) => !accepts(before, t));
  if (lost.length === 0 && gained.length === 0) return;
  const change = `from ${showTypes(before)} to ${showTypes(after)}`;
  if (direction === "request" && lost.length === 0) {
    ctx.out.add("request-type-widened", `type of ${label} widened ${change}`, where);
  } else {
    ctx.out.add("type-changed", `type of ${label} changed ${change}`, where);
  }
}

function enumOf(schema: JsonObject): Json[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  return "const" in schema ? [schema.const ?? null] : undefined;
}

function compareEnum({ ctx, a, b, direction, where, label }: Side): void {
  const before = enumOf(a);
  const after = enumOf(b);
  if (deepEqual(before, after)) return;
  const has = (list: Json[], value: Json) => list.some((item) => deepEqual(item, value));
  if (direction === "request") {
    if (after === undefined) {
      ctx.out.add("request-enum-widened", `${label} no longer limited to ${before?.map(show).join(", ")}`, where);
    } else if (before === undefined) {
      ctx.out.add("request-enum-narrowed", `${label} now accepts only ${after.map(show).join(", ")}`, where);
    } else {
      for (const value of before) if (!has(after, value)) ctx.out.add("request-enum-narrowed", `${label} no longer accepts ${show(value)}`, where);
      for (const value of after) if (!has(before, value)) ctx.out.add("request-enum-widened", `${label} also accepts ${show(value)}`, where);
    }
    return;
  }
  // Responses: a value old clients have never seen is one they must already tolerate (minor); a value that can no
  // longer come back breaks code written against the generated types that compares with it (major).
  if (after === undefined) {
    ctx.out.add("response-enum-widened", `${label} no longer limited to ${before?.map(show).join(", ")}`, where);
  } else if (before === undefined) {
    ctx.out.add("response-enum-narrowed", `${label} now limited to ${after.map(show).join(", ")}`, where);
  } else {
    for (const value of before) if (!has(after, value)) ctx.out.add("response-enum-narrowed", `${label} is no longer ${show(value)}`, where);
    for (const value of after) if (!has(before, value)) ctx.out.add("response-enum-widened", `${label} may also be ${show(value)}`, where);
  }
}

function comparePattern({ ctx, a, b, direction, where, label }: Side): void {
  if (a.pattern === b.pattern) return;
  const change = `pattern of ${label} changed from ${show(a.pattern)} to ${show(b.pattern)}`;
  // An answer that may now break a pattern a client relied on (a new pattern cannot be proved narrower) is breaking;
  // a pattern where there was none only promises more.
  if (direction === "response") ctx.out.add(a.pattern === undefined ? "response-constraint-tightened" : "response-constraint-loosened", change, where);
  // Two regular expressions cannot be compared for inclusion, so any new or different request pattern may refuse
  // a value an old client sends.
  else if (b.pattern === undefined) ctx.out.add("request-pattern-removed", change, where);
  else ctx.out.add("request-pattern-changed", change, where);
}

function compareBounds(side: Side): void {
  const { ctx, a, b, direction, where, label } = side;
  for (const key of [...lowerBounds, ...upperBounds, "multipleOf", "uniqueItems", "format"]) {
    const before = a[key];
    const after = b[key];
    if (deepEqual(before, after)) continue;
    const change = `${key} of ${label} changed from ${show(before)} to ${show(after)}`;
    let tighter: boolean;
    if (key === "uniqueItems") tighter = after === true;
    else if (key === "format" || key === "multipleOf") tighter = after !== undefined;
    else if ((before !== undefined && typeof before !== "number") || (after !== undefined && typeof after !== "number")) {
      compareLoosely(ctx, before, after, `${key} of ${label}`, where); // e.g. OpenAPI 3.0's boolean exclusiveMinimum
      continue;
    } else if (after === undefined) tighter = false;
    else if (before === undefined) tighter = true;
    else tighter = lowerBounds.includes(key) ? after > before : after < before;
    // A request that may refuse what an old client sends is breaking; so is an answer that may now hold what an old
    // client (or its validation) was promised it would not.
    if (direction === "response") ctx.out.add(tighter ? "response-constraint-tightened" : "response-constraint-loosened", change, where);
    else if (tighter) ctx.out.add("request-constraint-tightened", change, where);
    else ctx.out.add("request-constraint-relaxed", change, where);
  }
}

function names(value: Json | undefined): Set<string> {
  return new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
}

function compareProperties(side: Side, stack: readonly string[]): void {
  const { ctx, a, b, direction, subject, where } = side;
  const before = isObject(a.properties) ? a.properties : {};
  const after = isObject(b.properties) ? b.properties : {};
  const requiredBefore = names(a.required);
  const requiredAfter = names(b.required);
  const all = new Set([...Object.keys(before), ...Object.keys(after), ...requiredBefore, ...requiredAfter]);
  for (const property of all) {
    const path = propertyPath(subject.name, property);
    const existed = property in before;
    const exists = property in after;
    const wasRequired = requiredBefore.has(property);
    const isRequired = requiredAfter.has(property);
    if (existed && !exists) {
      ctx.out.add(`${direction}-property-removed`, `removed ${direction} property ${path}`, where);
      continue;
    }
    if (!existed && exists) {
      if (direction === "response") ctx.out.add("response-property-added", `new response property ${path}`, where);
      else if (isRequired) ctx.out.add("request-property-added-required", `new required request property ${path}`, where);
      else ctx.out.add("request-property-added-optional", `new optional request property ${path}`, where);
      continue;
    }
    if (existed) compareSchema(ctx, before[property], after[property], direction, child(direction, path), where, stack);
    if (wasRequired === isRequired) continue;
    const became = isRequired ? "required" : "optional";
    // A request property may only loosen (required → optional); a response property may only firm up.
    ctx.out.add(`${direction}-property-became-${became}`, `${direction} property ${path} became ${became}`, where);
  }
}

/** `additionalProperties` / `unevaluatedProperties`: false closes the object; absent or true means any value. */
function compareOpenness(side: Side, key: string, stack: readonly string[]): void {
  const { ctx, a, b, direction, subject, where, label } = side;
  if (deepEqual(a[key], b[key])) return;
  const closedBefore = a[key] === false;
  const closedAfter = b[key] === false;
  if (closedBefore && closedAfter) return;
  if (closedBefore !== closedAfter) {
    if (direction === "response") {
      ctx.out.add("response-openness-changed", `${label} ${closedAfter ? "no longer has" : "may now have"} properties beyond those it lists (${key})`, where);
    } else if (closedAfter) {
      ctx.out.add("request-closed", `${label} no longer accepts properties beyond those it lists (${key}: false)`, where);
    } else {
      ctx.out.add("request-opened", `${label} now accepts properties beyond those it lists (${key})`, where);
    }
    return;
  }
  const open = (value: Json | undefined): Json => (value === undefined || value === true ? {} : value);
  compareSchema(ctx, open(a[key]), open(b[key]), direction, child(direction, `${subject.name}.*`), where, stack);
}

function compareCompositions(side: Side, stack: readonly string[]): void {
  const { ctx, a, b, direction, subject, where, label } = side;
  for (const key of compositions) {
    const before = Array.isArray(a[key]) ? a[key] : undefined;
    const after = Array.isArray(b[key]) ? b[key] : undefined;
    if (before === undefined && after === undefined) continue;
    if (before === undefined || after === undefined || before.length !== after.length) {
      ctx.out.add("composition-changed", `${key} of ${label} changed from ${before?.length ?? 0} to ${after?.length ?? 0} schemas (no rule proves it safe)`, where);
      continue;
    }
    before.forEach((part, i) => compareSchema(ctx, part, after[i], direction, subject, where, stack));
  }
}
