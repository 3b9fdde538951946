// The bundled spec as the tests see it, and a walker that follows $refs through it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type Schema = Record<string, any>;

export const bundlePath = fileURLToPath(new URL("../dist/openapi.json", import.meta.url));
export const spec: Schema = JSON.parse(readFileSync(bundlePath, "utf8"));

/** Follows a local $ref (`#/components/...`); siblings of $ref (OAS 3.1) override the target's keywords. */
export function resolve(schema: Schema): Schema {
  let current = schema;
  while (current && typeof current.$ref === "string") {
    const { $ref, ...siblings } = current;
    const target = $ref
      .slice(2)
      .split("/")
      .reduce((node: Schema, segment: string) => node[segment.replaceAll("~1", "/").replaceAll("~0", "~")], spec);
    current = { ...target, ...siblings };
  }
  return current;
}

export function operation(operationId: string): Schema {
  for (const item of Object.values<Schema>(spec.paths)) {
    for (const [method, op] of Object.entries<Schema>(item)) {
      if (method !== "parameters" && op.operationId === operationId) return { ...op, parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])] };
    }
  }
  throw new Error(`no operation ${operationId}`);
}
