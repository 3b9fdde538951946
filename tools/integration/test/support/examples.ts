// The spec's named examples, so these tests send and expect what the API's own description shows.
import { createRequire } from "node:module";
import { namedExample, type OpenApiDocument } from "@modelarts-pools/spec/openapi";

const spec = createRequire(import.meta.url)("@modelarts-pools/spec/openapi.json") as OpenApiDocument;

/** A fresh copy of the named example's value (`components.examples`). */
export function example(name: string): any {
  return namedExample(spec, name);
}
