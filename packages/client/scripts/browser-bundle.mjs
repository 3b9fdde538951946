// The client as a browser app would ship it: esbuild bundle (openapi-fetch included), minified, then gzipped.
// The bench reports the figure and a test holds it to the budget.
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

// 6 kB, read as 6000 bytes (the stricter reading of the target).
export const budgetBytes = 6000;

export async function browserBundle() {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("../src/index.ts", import.meta.url))],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  return { code: Buffer.from(code).toString("utf8"), minifiedBytes: code.length, gzippedBytes: gzipSync(code, { level: 9 }).length };
}
