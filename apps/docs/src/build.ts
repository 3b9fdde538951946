// `pnpm build`: the decorated copy of the bundled spec (dist/openapi.json), rendered by `redocly build-docs` with
// Redoc inlined, then made offline: dist/index.html is one page that loads nothing from anywhere. Both files are
// also written brotli- and gzip-compressed, for the server.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Effort, type Encoding, encodings } from "./compress.js";
import { decorateSpec } from "./decorate.js";
import { makeOffline } from "./offline.js";
import type { OpenApiDocument } from "./openapi.js";
import { decoratedSpecPath, distDir, packageRoot, pagePath } from "./paths.js";

const require = createRequire(import.meta.url);

function redoclyCli(): string {
  // The CLI's package.json names its bin; resolving it avoids depending on PATH or npx.
  const manifest = require.resolve("@redocly/cli/package.json");
  const bin = (JSON.parse(readFileSync(manifest, "utf8")) as { bin: Record<string, string> }).bin.redocly;
  if (!bin) throw new Error("@redocly/cli has no `redocly` bin");
  return join(dirname(manifest), bin);
}

function renderWithRedoc(specPath: string, output: string): void {
  try {
    execFileSync(
      process.execPath,
      [redoclyCli(), "build-docs", specPath, "--inlineBundle", "--config", join(packageRoot, "redocly.yaml"), "--output", output],
      { cwd: packageRoot, stdio: "pipe", encoding: "utf8", env: { ...process.env, REDOCLY_TELEMETRY: "off" } },
    );
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`redocly build-docs failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

function writeWithCompressed(file: string, content: string, effort: Effort): Record<"raw" | Encoding, number> {
  const data = Buffer.from(content);
  writeFileSync(file, data);
  const sizes = { raw: data.length, br: 0, gzip: 0 };
  for (const [name, { suffix, compress }] of Object.entries(encodings) as [Encoding, (typeof encodings)[Encoding]][]) {
    const encoded = compress(data, effort);
    writeFileSync(file + suffix, encoded);
    sizes[name] = encoded.length;
  }
  return sizes;
}

/** `effort: "fast"` (the `--fast` flag, used by `pnpm dev`) compresses quickly instead of as small as possible. */
export function buildDocs({ effort = "max" }: { effort?: Effort } = {}): Record<"raw" | Encoding, number> {
  const specPath = fileURLToPath(import.meta.resolve("@modelarts-pools/spec/openapi.json"));
  const spec = JSON.parse(readFileSync(specPath, "utf8")) as OpenApiDocument;
  mkdirSync(distDir, { recursive: true });
  writeWithCompressed(decoratedSpecPath, `${JSON.stringify(decorateSpec(spec), null, 2)}\n`, effort);
  const rendered = join(distDir, "redoc-build.html");
  renderWithRedoc(decoratedSpecPath, rendered);
  const page = makeOffline(readFileSync(rendered, "utf8"));
  rmSync(rendered);
  return writeWithCompressed(pagePath, page, effort);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const sizes = buildDocs({ effort: process.argv.includes("--fast") ? "fast" : "max" });
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  console.log(`[docs] ${pagePath}: ${kib(sizes.raw)} (brotli ${kib(sizes.br)}, gzip ${kib(sizes.gzip)})`);
}
