// `pnpm build`: the decorated copy of the bundled spec (dist/openapi.json), rendered by `redocly build-docs` with
// Redoc inlined, then made offline: dist/index.html is one page that loads nothing from anywhere.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { decorateSpec } from "./decorate.js";
import { makeOffline } from "./offline.js";
import type { OpenApiDocument } from "./openapi.js";

export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const distDir = join(packageRoot, "dist");
export const pagePath = join(distDir, "index.html");
export const decoratedSpecPath = join(distDir, "openapi.json");

const require = createRequire(import.meta.url);

function redoclyCli(): string {
  // The CLI's package.json names its bin; resolving it avoids depending on PATH or npx.
  const manifest = require.resolve("@redocly/cli/package.json");
  const bin = (JSON.parse(readFileSync(manifest, "utf8")) as { bin: Record<string, string> }).bin.redocly;
  if (!bin) throw new Error("@redocly/cli has no `redocly` bin");
  return join(dirname(manifest), bin);
}

export function buildDocs(): { page: string; bytes: number } {
  const specPath = fileURLToPath(import.meta.resolve("@modelarts-pools/spec/openapi.json"));
  const spec = JSON.parse(readFileSync(specPath, "utf8")) as OpenApiDocument;
  mkdirSync(distDir, { recursive: true });
  writeFileSync(decoratedSpecPath, `${JSON.stringify(decorateSpec(spec), null, 2)}\n`);
  const rendered = join(distDir, "redoc-build.html");
  execFileSync(
    process.execPath,
    [redoclyCli(), "build-docs", decoratedSpecPath, "--inlineBundle", "--config", join(packageRoot, "redocly.yaml"), "--output", rendered],
    { cwd: packageRoot, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
  );
  const page = makeOffline(readFileSync(rendered, "utf8"));
  rmSync(rendered);
  writeFileSync(pagePath, page);
  return { page: pagePath, bytes: Buffer.byteLength(page) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { page, bytes } = buildDocs();
  console.log(`[docs] ${page}: ${(bytes / 1024).toFixed(0)} KiB`);
}
