// The bundled spec, and what the mock reads from it: the operations, and the status codes and named examples each
// can answer. Nothing here restates the API; it is all looked up in the document, through the spec package's walk.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { deref, isObject, operationsOf as operationsIn } from "@modelarts-pools/spec/openapi";

export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components: { examples: Record<string, { value: unknown }> } & Record<string, unknown>;
}

/** One operation of the spec, as the mock routes and answers it. */
export interface Operation {
  operationId: string;
  /** Lower-case HTTP method, as in the document. */
  method: string;
  /** The path template, e.g. `/v2/{project_id}/pools/{pool_name}`. */
  path: string;
  /** Matches a request path; its groups are the path parameters, in the order of `parameters`. */
  pattern: RegExp;
  /** The names of the path parameters, e.g. `["project_id", "pool_name"]`. */
  parameters: string[];
  /** The media types the request body may be sent as. */
  requestMediaTypes: string[];
  /** Status code → the names of the examples that response holds. */
  responses: Map<number, string[]>;
}

// Read from disk on every call (not imported, which Node would cache) so that reload() sees a re-bundled spec.
export function loadSpec(path = createRequire(import.meta.url).resolve("@modelarts-pools/spec/openapi.json")): OpenApiDocument {
  return JSON.parse(readFileSync(path, "utf8")) as OpenApiDocument;
}

export function operationsOf(spec: OpenApiDocument): Operation[] {
  return operationsIn(spec).flatMap(({ path, method, operationId, operation, requestBody }) => {
    if (!operationId) return [];
    const requestContent = requestBody?.content;
    const responses = new Map<number, string[]>();
    for (const [code, response] of Object.entries(deref(spec, operation.responses))) {
      const content = deref(spec, response).content;
      const media = isObject(content) ? Object.values(content) : [];
      responses.set(Number(code), media.flatMap((type) => (isObject(type) && isObject(type.examples) ? Object.keys(type.examples) : [])));
    }
    return [
      {
        operationId,
        method,
        path,
        pattern: templatePattern(path),
        parameters: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!),
        requestMediaTypes: isObject(requestContent) ? Object.keys(requestContent) : [],
        responses,
      },
    ];
  });
}

/** `/v2/{project_id}/pools` → `^/v2/([^/]+)/pools$`: one segment per parameter, never a slash. */
function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith("{") ? "([^/]+)" : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}
