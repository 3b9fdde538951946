import { inline, isObject, type Json } from "@modelarts-pools/spec/openapi";
import type { Differences } from "./differences.js";
import { deepEqual } from "./resolve.js";

/** The two documents being compared and where differences go. */
export interface Context {
  before: Json;
  after: Json;
  out: Differences;
}

/** Keywords that only document: changing them changes no request or response. */
const documentation = new Set(["description", "summary", "title", "example", "examples", "externalDocs", "$comment"]);

export function isDocumentation(key: string): boolean {
  return documentation.has(key) || key.startsWith("x-");
}

/**
 * Compares what no specific rule covers. Documentation keys are a patch; anything else that differs is reported
 * as breaking, because no rule proves the change safe for old clients.
 */
export function compareLoosely(ctx: Context, before: Json | undefined, after: Json | undefined, subject: string, where: string): void {
  const a = inline(ctx.before, before);
  const b = inline(ctx.after, after);
  if (deepEqual(a, b)) return;
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (deepEqual(a[key], b[key])) continue;
      if (isDocumentation(key)) ctx.out.add("documentation-changed", `changed ${key} of ${subject}`, where);
      else compareLoosely(ctx, a[key], b[key], `${subject}.${key}`, where);
    }
    return;
  }
  ctx.out.add("unclassified", `changed ${subject} in a way no rule classifies (counted as breaking)`, where);
}

/** Reports each documentation key that differs between two objects. */
export function compareDocumentation(ctx: Context, before: Json | undefined, after: Json | undefined, subject: string, where: string): void {
  const a = isObject(before) ? before : {};
  const b = isObject(after) ? after : {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!isDocumentation(key)) continue;
    if (!deepEqual(inline(ctx.before, a[key]), inline(ctx.after, b[key]))) {
      ctx.out.add("documentation-changed", `changed ${key} of ${subject}`, where);
    }
  }
}
