// The bundled spec as the tests see it, read through the spec package's own helpers.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { deref, operationsOf } from "../src/openapi.js";

export type Schema = Record<string, any>;

export const bundlePath = fileURLToPath(new URL("../dist/openapi.json", import.meta.url));
export const spec: Schema = JSON.parse(readFileSync(bundlePath, "utf8"));

/** A node of the bundled spec with its $refs followed. */
export function resolve(schema: Schema): Schema {
  return deref(spec, schema);
}

/** The operation as written, with the path item's parameters merged into its own and its request body followed. */
export function operation(operationId: string): Schema {
  const entry = operationsOf(spec).find((candidate) => candidate.operationId === operationId);
  if (!entry) throw new Error(`no operation ${operationId}`);
  return { ...entry.operation, parameters: entry.parameters, requestBody: entry.requestBody };
}
