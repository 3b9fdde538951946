// The client as a browser app would ship it: an esbuild bundle, minified, then gzipped. Two figures: the main
// entry alone (what an app that calls createPool/updatePool ships; openapi-fetch is not in it), and the main entry
// with the `./raw` one (what an app that also uses rawClientOf ships, openapi-fetch included). The bench reports
// both and a test holds each to its budget.
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const source = (file) => JSON.stringify(fileURLToPath(new URL(`../src/${file}`, import.meta.url)));

export const entries = {
  /** `@modelarts-pools/client` */
  main: { contents: `export * from ${source("index.ts")};`, budgetBytes: 5000 },
  /** `@modelarts-pools/client` and `@modelarts-pools/client/raw` together: the main budget plus about 2.7 kB for
   * openapi-fetch and the raw client's signing and redaction */
  "main+raw": { contents: `export * from ${source("index.ts")}; export * from ${source("raw.ts")};`, budgetBytes: 7700 },
};

/** @param {keyof typeof entries} entry */
export async function browserBundle(entry = "main") {
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
