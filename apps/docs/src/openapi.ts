// The small part of an OpenAPI 3.1 document the docs build reads, typed, over the spec package's walk and `$ref`
// resolution, so the code samples take method, path, parameters, media type and examples from the spec itself.

import { deref as resolveRef, operationsOf as specOperationsOf, type OperationEntry as SpecOperationEntry } from "@modelarts-pools/spec/openapi";

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

export type { HttpMethod } from "@modelarts-pools/spec/openapi";

/** Follows local `$ref`s (`#/components/...`) to the object they point at, with the spec package's rules. */
export function deref<T>(spec: OpenApiDocument, value: T | Reference): T {
  return resolveRef(spec, value) as T;
}

/** One operation, typed with the parts the docs build reads. */
export interface OperationEntry extends Omit<SpecOperationEntry, "operation" | "parameters"> {
  operation: Operation;
  /** Path-level and operation-level parameters, resolved; the operation's win on a name clash. */
  parameters: Parameter[];
}

export function operationsOf(spec: OpenApiDocument): OperationEntry[] {
  return specOperationsOf(spec) as unknown as OperationEntry[];
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
