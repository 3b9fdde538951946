// The small part of an OpenAPI 3.1 document the docs build reads, and a walk over its operations with local
// `$ref`s resolved, so the code samples take method, path, parameters, media type and examples from the spec itself.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface Reference {
  $ref: string;
}

export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  example?: JsonValue;
  schema?: { example?: JsonValue; examples?: JsonValue[] };
}

export interface Example {
  summary?: string;
  description?: string;
  value?: JsonValue;
}

export interface MediaType {
  schema?: unknown;
  examples?: Record<string, Example | Reference>;
}

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

export interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  parameters?: (Parameter | Reference)[];
  requestBody?: { content?: Record<string, MediaType> } | Reference;
  responses?: Record<string, unknown>;
  security?: Record<string, string[]>[];
  "x-codeSamples"?: CodeSample[];
  [key: string]: unknown;
}

export interface Server {
  url: string;
  description?: string;
  variables?: Record<string, { default: string; description?: string; enum?: string[] }>;
}

export interface SecurityScheme {
  type: string;
  in?: string;
  name?: string;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; description?: string; [key: string]: unknown };
  servers?: Server[];
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, unknown>>;
  components?: {
    securitySchemes?: Record<string, SecurityScheme | Reference>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof httpMethods)[number];

function isReference(value: unknown): value is Reference {
  return typeof value === "object" && value !== null && typeof (value as Reference).$ref === "string";
}

/** Follows local `$ref`s (`#/components/...`) until it reaches the object they point at. */
export function deref<T>(spec: OpenApiDocument, value: T | Reference): T {
  let current: unknown = value;
  const seen = new Set<string>();
  while (isReference(current)) {
    const ref = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`${ref}: only local references are expected in the bundled spec`);
    if (seen.has(ref)) throw new Error(`${ref}: circular reference`);
    seen.add(ref);
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<unknown>((node, key) => {
        if (typeof node !== "object" || node === null || !(key in node)) throw new Error(`${ref}: does not resolve`);
        return (node as Record<string, unknown>)[key];
      }, spec);
  }
  return current as T;
}

export interface OperationEntry {
  path: string;
  method: HttpMethod;
  operation: Operation;
  /** Path-level and operation-level parameters, resolved; the operation's win on a name clash. */
  parameters: Parameter[];
}

export function operationsOf(spec: OpenApiDocument): OperationEntry[] {
  return Object.entries(spec.paths).flatMap(([path, pathItem]) => {
    const shared = ((pathItem.parameters ?? []) as (Parameter | Reference)[]).map((p) => deref(spec, p));
    return httpMethods
      .filter((method) => pathItem[method] !== undefined)
      .map((method) => {
        const operation = pathItem[method] as Operation;
        const own = (operation.parameters ?? []).map((p) => deref(spec, p));
        const parameters = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
        return { path, method, operation, parameters };
      });
  });
}

/** The value a parameter is documented with: its own `example`, or its schema's. */
export function parameterExample(parameter: Parameter): JsonValue {
  const value = parameter.example ?? parameter.schema?.example ?? parameter.schema?.examples?.[0];
  if (value === undefined) throw new Error(`parameter ${parameter.name}: needs an example for the code samples`);
  return value;
}

/** The first server's URL with its variables at their defaults, e.g. https://modelarts.cn-north-4.myhuaweicloud.com. */
export function defaultServerUrl(server: Server): string {
  return server.url.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const variable = server.variables?.[name];
    if (!variable) throw new Error(`server ${server.url}: variable ${name} has no default`);
    return variable.default;
  });
}
