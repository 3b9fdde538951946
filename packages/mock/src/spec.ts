// The bundled spec, and the operations the mock routes: the spec package's one description of them (describeApi),
// plus the pattern that matches a request path. Nothing here restates the API; it is all read from the document.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { OpenApiDocument } from "@modelarts-pools/spec/openapi";
import type { ApiDescription, OperationDescription } from "@modelarts-pools/spec/operations";

/** One operation of the spec, as the mock routes and answers it. */
export interface Operation extends OperationDescription {
  /** Matches a request path; its groups are the path parameters, in the order of `pathParameters`. */
  pattern: RegExp;
}

// Read from disk on every call (not imported, which Node would cache) so that reload() sees a re-bundled spec.
export function loadSpec(path = createRequire(import.meta.url).resolve("@modelarts-pools/spec/openapi.json")): OpenApiDocument {
  return JSON.parse(readFileSync(path, "utf8")) as OpenApiDocument;
}

/** The operations in the order requests are matched: a literal segment before a parameter (`/pools/count` before `/pools/{pool_name}`, were both there). */
export function operationsOf(api: ApiDescription): Operation[] {
  const operations = Object.values(api.operations).map((operation) => ({ ...operation, pattern: templatePattern(operation.path) }));
  return operations.sort((a, b) => a.pathParameters.length - b.pathParameters.length);
}

export interface Route {
  operation: Operation;
  /** The path parameters, percent-decoded; undefined when one is not valid percent-encoding. */
  params: Record<string, string> | undefined;
}

/** The operation a request's method (upper-case) and path are, and its path parameters; the mock and its proxy route alike. */
export function findRoute(operations: readonly Operation[], method: string, path: string): Route | undefined {
  for (const operation of operations) {
    if (operation.method !== method) continue;
    const match = operation.pattern.exec(path);
    if (!match) continue;
    try {
      const params = Object.fromEntries(operation.pathParameters.map(({ name }, index) => [name, decodeURIComponent(match[index + 1]!)]));
      return { operation, params };
    } catch {
      return { operation, params: undefined };
    }
  }
  return undefined;
}

/** `/v2/{project_id}/pools` → `^/v2/([^/]+)/pools$`: one segment per parameter, never a slash. */
function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith("{") ? "([^/]+)" : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}
