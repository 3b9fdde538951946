// The bundled spec and its decorated copy, as the tests read them.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { decorateSpec } from "../../src/decorate.ts";
import type { OpenApiDocument } from "../../src/openapi.ts";

export function loadSpec(): OpenApiDocument {
  return JSON.parse(readFileSync(fileURLToPath(import.meta.resolve("@modelarts-pools/spec/openapi.json")), "utf8")) as OpenApiDocument;
}

export function loadDecoratedSpec(): OpenApiDocument {
  return decorateSpec(loadSpec());
}
