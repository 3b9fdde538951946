// The client as a browser app would ship it: an esbuild bundle, minified, then gzipped. Two figures: the main
// entry alone (what an app that calls the operations ships; openapi-fetch is not in it), and the main entry with
// the `./raw` one (what an app that also uses rawClientOf ships, openapi-fetch included). The bench reports both, and
// what one more operation adds; a test holds each to its budget, which grows with the spec's operations: every
// operation the spec adds is a method, and may cost the bundle at most `perOperationBytes`.
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { describeApi } from "@modelarts-pools/spec/operations";
import { build } from "esbuild";
import { generateOperations } from "./generate-operations.mjs";

const source = (file) => JSON.stringify(fileURLToPath(new URL(`../src/${file}`, import.meta.url)));
const spec = createRequire(import.meta.url)("@modelarts-pools/spec/openapi.json");

/** What one more operation in the spec may add to the main bundle, gzipped. */
export const perOperationBytes = 100;
/** The client without its operations: the methods' machinery, auth and signing, errors, retries, the waiter. */
const baseBytes = 4800;
export const operationCount = (document = spec) => Object.keys(describeApi(document).operations).length;

export const entries = {
  /** `@modelarts-pools/client` */
  main: { contents: `export * from ${source("index.ts")};`, budgetBytes: baseBytes + perOperationBytes * operationCount() },
  /** `@modelarts-pools/client` and `@modelarts-pools/client/raw` together: the main budget plus about 2.7 kB for
   * openapi-fetch and the raw client's signing and redaction */
  "main+raw": { contents: `export * from ${source("index.ts")}; export * from ${source("raw.ts")};`, budgetBytes: baseBytes + 2700 + perOperationBytes * operationCount() },
};

/**
 * @param {keyof typeof entries} entry
 * @param {object} [document] a spec to bundle the client's operations of, instead of the built ones (the bench's
 *   "one more operation")
 */
export async function browserBundle(entry = "main", document) {
  // The generated operations of another spec, in place of src/generated/operations.ts.
  const otherSpec = {
    name: "other-spec",
    setup(esbuild) {
      esbuild.onLoad({ filter: /generated[\\/]operations\.ts$/ }, () => ({ contents: generateOperations(document), loader: "ts" }));
    },
  };
  const result = await build({
    stdin: { contents: entries[entry].contents, resolveDir: fileURLToPath(new URL(".", import.meta.url)), loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    metafile: true,
    plugins: document ? [otherSpec] : [],
  });
  const code = result.outputFiles[0].contents;
  return {
    code: Buffer.from(code).toString("utf8"),
    /** The files the bundle is made of, relative to the package (node_modules paths for dependencies). */
    inputs: Object.keys(result.metafile.inputs),
    minifiedBytes: code.length,
    gzippedBytes: gzipSync(code, { level: 9 }).length,
  };
}

/**
 * The built spec with one more operation, as a spec edit would add one: a GET of a sub-resource of a pool with a
 * `limit` and `continue` query, answered with a page (so it is a method and an iterator, the most an operation adds).
 */
export function specWithOneMoreOperation(document = spec) {
  const more = structuredClone(document);
  more.paths["/v2/{project_id}/pools/{pool_name}/probes"] = {
    parameters: [{ name: "project_id", in: "path", required: true, schema: { type: "string" } }],
    get: {
      operationId: "listPoolProbes",
      parameters: [
        { name: "pool_name", in: "path", required: true, schema: { type: "string" } },
        { name: "limit", in: "query", schema: { type: "integer" } },
        { name: "continue", in: "query", schema: { type: "string" } },
      ],
      responses: { 200: { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/ProbeList" } } } } },
    },
  };
  more.components.schemas.ProbeList = {
    type: "object",
    properties: { metadata: { type: "object", properties: { continue: { type: "string" } } }, items: { type: "array", items: { type: "object" } } },
  };
  return more;
}
