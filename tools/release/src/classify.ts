import { isObject, type Json } from "@modelarts-pools/spec/openapi";
import { comparePaths } from "./compare-operations.js";
import { compareLoosely, isDocumentation, type Context } from "./context.js";
import { Differences, type Difference } from "./differences.js";
import { strongest, type Bump } from "./levels.js";
import { deepEqual } from "./resolve.js";

export interface Classification {
  /** The smallest release that may ship these differences; `none` when the two specs describe the same API. */
  level: Bump;
  differences: Difference[];
}

/**
 * Classifies every difference between the last released spec and the working one (both bundled OpenAPI 3.1
 * documents, `$ref`s internal). Components are judged where operations use them, so an unused component never counts.
 */
export function classify(before: Json, after: Json): Classification {
  const ctx: Context = { before, after, out: new Differences() };
  const a = isObject(before) ? before : {};
  const b = isObject(after) ? after : {};
  // Paths are always walked: they hold $refs, so a change inside a component leaves them textually equal.
  comparePaths(ctx);
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (key === "paths" || deepEqual(a[key], b[key])) continue;
    if (key === "info") compareInfo(ctx, a.info, b.info);
    else if (key === "components") compareLoosely(ctx, securitySchemes(a.components), securitySchemes(b.components), "components.securitySchemes", "components");
    // Servers say where the API is served (the regions and their endpoints), not what a request or an answer is:
    // no client's call changes shape when one is added or described, so they are documentation like the tags.
    else if (key === "tags" || key === "servers" || key === "openapi" || isDocumentation(key)) ctx.out.add("documentation-changed", `changed ${key}`, key);
    else compareLoosely(ctx, a[key], b[key], key, key);
  }
  const differences = ctx.out.list();
  return { level: strongest(differences.map((d) => d.level)), differences };
}

function compareInfo(ctx: Context, before: Json | undefined, after: Json | undefined): void {
  const a = isObject(before) ? before : {};
  const b = isObject(after) ? after : {};
  // info.version follows the spec package's version and changes with every release: it is not an API change.
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (key !== "version" && !deepEqual(a[key], b[key])) ctx.out.add("documentation-changed", `changed info.${key}`, "info");
  }
}

function securitySchemes(components: Json | undefined): Json | undefined {
  return isObject(components) ? components.securitySchemes : undefined;
}
