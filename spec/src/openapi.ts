// Reading the bundled OpenAPI document: following its local `$ref`s, walking its operations, taking its named examples.
// The mock, the docs, the release gate and the spec's own tests all read the document through these, so a reference
// means the same thing everywhere (siblings of a `$ref` override the target's keywords, as OpenAPI 3.1 allows).
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * An OpenAPI 3.1 document, typed as far as every reader of it needs: the one document type of the repo (the mock,
 * the docs, the validator and the release tools all take this one). Anything deeper is read as JSON through
 * {@link deref} and {@link isObject}.
 */
export interface OpenApiDocument {
  openapi: string;
  info: JsonObject;
  servers?: Json[];
  security?: Json[];
  tags?: Json[];
  paths: { [path: string]: JsonObject };
  components?: JsonObject;
  [key: string]: Json | undefined;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The node a local reference (`#/components/schemas/Pool`) points at (RFC 6901, URI-encoded or not). */
function pointer(document: unknown, ref: string): Json {
  if (!ref.startsWith("#")) throw new Error(`external $ref ${ref} is not supported: read the bundled spec`);
  let node = document as Json | undefined;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const token = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    node = Array.isArray(node) ? node[Number(token)] : isObject(node) ? node[token] : undefined;
    if (node === undefined) throw new Error(`$ref ${ref} points at nothing`);
  }
  return node as Json;
}

export interface Resolved {
  node: JsonObject;
  /** The last `$ref` followed, which names the component (`#/components/schemas/Pool`). */
  ref?: string;
}

/**
 * Follows a chain of `$ref`s to the object it names, and says which reference named it. Keywords beside a `$ref`
 * override the target's; a chain that comes back on itself is an error; anything that is not an object reads as `{}`.
 */
export function resolveRef(document: unknown, node: unknown): Resolved {
  let current: JsonObject = isObject(node) ? node : {};
  let ref: string | undefined;
  const followed = new Set<string>();
  while (typeof current.$ref === "string") {
    const { $ref, ...siblings } = current;
    if (followed.has($ref)) throw new Error(`$ref cycle through ${$ref}`);
    followed.add($ref);
    ref = $ref;
    const target = pointer(document, $ref);
    current = { ...(isObject(target) ? target : {}), ...siblings };
  }
  return ref === undefined ? { node: current } : { node: current, ref };
}

/** The object a node stands for once its `$ref`s are followed (see {@link resolveRef}); the node itself if it has none. */
export function deref(document: unknown, node: unknown): JsonObject {
  return resolveRef(document, node).node;
}

/** A copy with every reference inlined, at any depth; a reference that loops back (a recursive schema) is left as it is. */
export function inline(document: unknown, node: Json | undefined, stack: string[] = []): Json | undefined {
  if (Array.isArray(node)) return node.map((item) => inline(document, item, stack) ?? null);
  if (!isObject(node)) return node;
  if (typeof node.$ref === "string") {
    if (stack.includes(node.$ref)) return node;
    const { $ref, ...siblings } = node;
    const target = inline(document, pointer(document, $ref), [...stack, $ref]);
    return { ...(isObject(target) ? target : { value: target ?? null }), ...(inline(document, siblings, stack) as JsonObject) };
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = inline(document, value, stack) ?? null;
  return out;
}

export const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof httpMethods)[number];

function isHttpMethod(key: string): key is HttpMethod {
  return (httpMethods as readonly string[]).includes(key);
}

/** One operation of the document: where it is, and what it reads once its references are followed. */
export interface OperationEntry {
  /** The path template, e.g. `/v2/{project_id}/pools/{pool_name}`. */
  path: string;
  /** Lower-case, as in the document. */
  method: HttpMethod;
  operationId: string | undefined;
  /** The operation object as it stands in the document (the same object, so an edit to it is an edit to the document). */
  operation: JsonObject;
  /** The path item's and the operation's parameters, dereferenced; the operation's win on a name and `in` clash. */
  parameters: JsonObject[];
  /** The request body, dereferenced; undefined when the operation takes none. */
  requestBody: JsonObject | undefined;
}

/** Every operation of the document, path by path, in the document's order. */
export function operationsOf(document: unknown): OperationEntry[] {
  const paths = isObject(document) && isObject(document.paths) ? document.paths : {};
  return Object.entries(paths).flatMap(([path, value]) => {
    const pathItem = deref(document, value);
    const shared = parametersOf(document, pathItem);
    return Object.entries(pathItem).flatMap(([method, operation]) => {
      if (!isHttpMethod(method) || !isObject(operation)) return [];
      const own = parametersOf(document, operation);
      const parameters = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
      const operationId = typeof operation.operationId === "string" ? operation.operationId : undefined;
      const requestBody = operation.requestBody === undefined ? undefined : deref(document, operation.requestBody);
      return [{ path, method, operationId, operation, parameters, requestBody }];
    });
  });
}

function parametersOf(document: unknown, holder: JsonObject): JsonObject[] {
  return Array.isArray(holder.parameters) ? holder.parameters.map((parameter) => deref(document, parameter)) : [];
}

/** The value of a named example (`components.examples`), e.g. `namedExample(spec, "poolNotFound")`: a fresh copy every call. */
export function namedExample<T = unknown>(document: unknown, name: string): T {
  const examples = isObject(document) && isObject(document.components) ? document.components.examples : undefined;
  const found = isObject(examples) ? examples[name] : undefined;
  if (found === undefined) throw new Error(`the spec has no example named ${name}`);
  return structuredClone(deref(document, found).value) as T;
}
