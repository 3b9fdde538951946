// The bundled spec the mock serves: @modelarts-pools/spec's, or another file (startMock({ specPath })).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { OpenApiDocument } from "@modelarts-pools/spec/openapi";

// Read from disk on every call (not imported, which Node would cache) so that reload() sees a re-bundled spec.
export function loadSpec(path = createRequire(import.meta.url).resolve("@modelarts-pools/spec/openapi.json")): OpenApiDocument {
  return JSON.parse(readFileSync(path, "utf8")) as OpenApiDocument;
}
