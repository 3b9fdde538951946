// serveDocs: the built page over HTTP on loopback, compressed (brotli or gzip) for every client that accepts it.
// The root `npm start` runs it beside the mock; `pnpm --filter @modelarts-pools/docs serve` runs it alone.
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { DEFAULT_HOST, listeningNotice } from "@modelarts-pools/mock/defaults";
import { type Encoding, encodings, negotiateEncoding } from "./compress.js";
import { DEFAULT_DOCS_PORT, mockUrl } from "./defaults.js";
import { distDir } from "./paths.js";

export interface ServeDocsOptions {
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the docs are for the person at this machine. */
  host?: string;
  /** Folder holding index.html and its .br/.gz files; default this package's dist/. */
  dir?: string;
  /**
   * The URL of the mock the page's samples call, when it is not the default one the build wrote
   * (`npm start -- --mock-port 4020`): the page is served with that URL in every sample and mention.
   */
  mockUrl?: string;
}

export interface DocsServer {
  /** The page's URL, e.g. http://127.0.0.1:8080/ */
  url: string;
  /** Reads the built files again (`pnpm dev` calls it after each rebuild); until then the last ones are served. */
  reload(): void;
  close(): Promise<void>;
}

interface Asset {
  type: string;
  identity: Buffer;
  encoded: Partial<Record<Encoding, Buffer>>;
}

function loadAsset(file: string, type: string): Asset {
  if (!existsSync(file)) throw new Error(`serveDocs: ${file} is missing; run \`pnpm --filter @modelarts-pools/docs build\` first`);
  const identity = readFileSync(file);
  const encoded: Asset["encoded"] = {};
  for (const [name, { suffix }] of Object.entries(encodings) as [Encoding, { suffix: string }][]) {
    if (existsSync(file + suffix)) encoded[name] = readFileSync(file + suffix);
  }
  return { type, identity, encoded };
}

/**
 * The asset with the default mock URL the build wrote swapped for `url`, compressed again (fast: it is done once per
 * start or reload, while the build's own files are compressed for size).
 */
function pointedAt(asset: Asset, url: string | undefined): Asset {
  if (url === undefined || url === mockUrl) return asset;
  const identity = Buffer.from(asset.identity.toString("utf8").replaceAll(mockUrl, url));
  const encoded = Object.fromEntries((Object.entries(encodings) as [Encoding, (typeof encodings)[Encoding]][]).map(([name, { compress }]) => [name, compress(identity, "fast")]));
  return { type: asset.type, identity, encoded };
}

function loadAssets(dir: string, url: string | undefined): Map<string, Asset> {
  const page = pointedAt(loadAsset(join(dir, "index.html"), "text/html; charset=utf-8"), url);
  const assets = new Map([
    ["/", page],
    ["/index.html", page],
  ]);
  const spec = join(dir, "openapi.json");
  if (existsSync(spec)) assets.set("/openapi.json", pointedAt(loadAsset(spec, "application/json"), url));
  return assets;
}

function answer(request: IncomingMessage, response: ServerResponse, assets: Map<string, Asset>): void {
  const path = new URL(request.url ?? "/", "http://docs.invalid").pathname;
  const asset = assets.get(path);
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" }).end("Method not allowed\n");
    return;
  }
  if (!asset) {
    response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found: the docs are at /\n");
    return;
  }
  const encoding = negotiateEncoding(request.headers["accept-encoding"]);
  const body = (encoding && asset.encoded[encoding]) ?? asset.identity;
  const headers: Record<string, string | number> = {
    "Content-Type": asset.type,
    "Content-Length": body.length,
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
    Vary: "Accept-Encoding",
  };
  if (body !== asset.identity && encoding) headers["Content-Encoding"] = encoding;
  response.writeHead(200, headers);
  response.end(request.method === "HEAD" ? undefined : body);
}

export { DEFAULT_DOCS_PORT };

export async function serveDocs({ port = DEFAULT_DOCS_PORT, host = DEFAULT_HOST, dir = distDir, mockUrl: url }: ServeDocsOptions = {}): Promise<DocsServer> {
  let assets = loadAssets(dir, url);
  const server = createServer((request, response) => answer(request, response, assets));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: listeningNotice({ host: address.address, port: address.port, serves: "the docs", mock: false, path: "/" }).url,
    reload: () => {
      assets = loadAssets(dir, url);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function main(): Promise<void> {
  // `pnpm --filter @modelarts-pools/docs serve -- --port 0` hands its `--` on (npm drops it): here it separates nothing.
  const args = process.argv.slice(2);
  if (args[0] === "--") args.shift();
  const { values } = parseArgs({ args, options: { port: { type: "string" }, host: { type: "string" } } });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new Error(`--port must be an integer from 0 to 65535, got ${values.port}`);
  }
  const docs = await serveDocs({ port, host: values.host });
  const { warning } = listeningNotice({ host: values.host ?? DEFAULT_HOST, port: Number(new URL(docs.url).port), serves: "the docs", mock: false });
  if (warning) console.error(warning);
  console.log(`[docs] API reference: ${docs.url}`);
  const stop = () => void docs.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
