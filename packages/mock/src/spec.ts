// The bundled spec, and what the mock reads from it: the operations, the status codes and named examples each can
// answer, and the error bodies. Nothing here restates the API; it is all looked up in the document.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

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

/** The body of a named example of the spec, e.g. `example(spec, "poolNotFound")`; a fresh copy every call. */
export function example<T = unknown>(spec: OpenApiDocument, name: string): T {
  const found = spec.components.examples[name];
  if (!found) throw new Error(`the spec has no example named ${name}`);
  return structuredClone(found.value) as T;
}

export function operationsOf(spec: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, value] of Object.entries(item)) {
      const operation = resolve(spec, value) as {
        operationId?: string;
        requestBody?: unknown;
        responses?: Record<string, unknown>;
      };
      if (!operation.operationId) continue; // `parameters` and other keys of a path item are not operations
      const requestBody = resolve(spec, operation.requestBody) as { content?: Record<string, unknown> } | undefined;
      const responses = new Map<number, string[]>();
      for (const [code, response] of Object.entries(operation.responses ?? {})) {
        const content = (resolve(spec, response) as { content?: Record<string, { examples?: object }> }).content ?? {};
        responses.set(Number(code), Object.values(content).flatMap((media) => Object.keys(media.examples ?? {})));
      }
      operations.push({
        operationId: operation.operationId,
        method,
        path,
        pattern: templatePattern(path),
        parameters: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!),
        requestMediaTypes: Object.keys(requestBody?.content ?? {}),
        responses,
      });
    }
  }
  return operations;
}

/** `/v2/{project_id}/pools` → `^/v2/([^/]+)/pools$`: one segment per parameter, never a slash. */
function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith("{") ? "([^/]+)" : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}

/** Follows local `$ref`s (`#/components/...`) until it reaches the node they name. */
function resolve(spec: OpenApiDocument, node: unknown): unknown {
  let current = node;
  while (current && typeof current === "object" && typeof (current as { $ref?: unknown }).$ref === "string") {
    const pointer = (current as { $ref: string }).$ref;
    current = pointer
      .slice(2)
      .split("/")
      .reduce<unknown>(
        (at, segment) => (at as Record<string, unknown>)[segment.replaceAll("~1", "/").replaceAll("~0", "~")],
        spec,
      );
  }
  return current;
}
