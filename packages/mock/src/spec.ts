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

export function operationsOf(api: ApiDescription): Operation[] {
  return Object.values(api.operations).map((operation) => ({ ...operation, pattern: templatePattern(operation.path) }));
}

/** `/v2/{project_id}/pools` → `^/v2/([^/]+)/pools$`: one segment per parameter, never a slash. */
function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith("{") ? "([^/]+)" : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}
