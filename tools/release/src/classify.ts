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
    else if (key === "servers") compareServers(ctx, a.servers, b.servers);
    else if (key === "tags" || key === "openapi" || isDocumentation(key)) ctx.out.add("documentation-changed", `changed ${key}`, key);
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

/** Each region of the servers' `{region}` enums (or default), with the endpoint it is served at. */
function regionEndpoints(servers: Json | undefined): Map<string, string> {
  const endpoints = new Map<string, string>();
  for (const server of Array.isArray(servers) ? servers : []) {
    if (!isObject(server) || typeof server.url !== "string") continue;
    const region = isObject(server.variables) ? server.variables.region : undefined;
    const values = isObject(region) ? (Array.isArray(region.enum) ? region.enum : [region.default]) : [];
    for (const value of values) if (typeof value === "string") endpoints.set(value, server.url.replace("{region}", value));
  }
  return endpoints;
}

/**
 * The servers are API here: the client's region table is generated from them. A region that goes (or moves to
 * another endpoint) breaks the callers that name it; one that comes is an addition; anything else a server says
 * (its description) is documentation.
 */
function compareServers(ctx: Context, before: Json | undefined, after: Json | undefined): void {
  const [a, b] = [regionEndpoints(before), regionEndpoints(after)];
  let found = false;
  for (const [region, endpoint] of a) {
    const now = b.get(region);
    if (now === endpoint) continue;
    found = true;
    ctx.out.add("region-removed", now === undefined ? `removed region ${region} (${endpoint})` : `region ${region} moved from ${endpoint} to ${now}`, "servers");
  }
  for (const [region, endpoint] of b) {
    if (a.has(region)) continue;
    found = true;
    ctx.out.add("region-added", `new region ${region} (${endpoint})`, "servers");
  }
  if (!found) ctx.out.add("documentation-changed", "changed servers", "servers");
}
