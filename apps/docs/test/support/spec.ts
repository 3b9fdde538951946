// The bundled spec and its decorated copy, as the tests read them, and what the page must show of them.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { namedExample } from "@modelarts-pools/spec/openapi";
import { decorateSpec } from "../../src/decorate.ts";
import { type OpenApiDocument, type DocumentedOperation, isObject, schemaComponent } from "../../src/openapi.ts";

export function loadSpec(): OpenApiDocument {
  return JSON.parse(readFileSync(fileURLToPath(import.meta.resolve("@modelarts-pools/spec/openapi.json")), "utf8")) as OpenApiDocument;
}

export function loadDecoratedSpec(): OpenApiDocument {
  return decorateSpec(loadSpec());
}

/** Every error_code among the operations' response examples: what a reader must be able to find on the page. */
export function errorCodesOf(document: OpenApiDocument, entries: readonly DocumentedOperation[]): string[] {
  const codes = new Set<string>();
  for (const { api } of entries) {
    for (const { examples } of Object.values(api.responses)) {
      for (const name of examples) {
        const value = namedExample(document, name);
        if (isObject(value) && typeof value.error_code === "string") codes.add(value.error_code);
      }
    }
  }
  return [...codes].sort();
}

/** The top-level fields of the operation's request body (none when it takes no body). */
export function requestFields(document: OpenApiDocument, entry: DocumentedOperation): string[] {
  if (!entry.api.requestSchema) return [];
  const { properties } = schemaComponent(document, entry.api.requestSchema);
  return isObject(properties) ? Object.keys(properties) : [];
}

/** The names of the operation's path, query and header parameters, in that order. */
export function parameterNames(entry: DocumentedOperation): string[] {
  const { pathParameters, queryParameters, headerParameters } = entry.api;
  return [...pathParameters, ...queryParameters, ...headerParameters].map(({ name }) => name);
}
