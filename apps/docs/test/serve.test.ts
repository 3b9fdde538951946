// serveDocs serves the built page, compressed for every client that accepts it, and nothing else.
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { negotiateEncoding } from "../src/compress.ts";
import { pagePath } from "../src/paths.ts";
import { type DocsServer, serveDocs } from "../src/serve.ts";
import { copyEnv, repo } from "../../../scripts/lib/repo-copy.mjs";
import { commandLine, spawnUntil } from "../../../scripts/lib/spawn.mjs";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

// node:http rather than fetch: fetch decompresses by itself and hides what went over the wire.
function get(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("negotiateEncoding", () => {
  test.each([
    ["gzip, deflate, br, zstd", "br"],
    ["gzip", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["gzip;q=1, br;q=0.5", "gzip"],
    ["*", "br"],
    ["identity", undefined],
    ["", undefined],
    [undefined, undefined],
    ["*;q=0", undefined],
  ])("Accept-Encoding %j → %s", (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe("serveDocs", () => {
  let docs: DocsServer;
  const page = readFileSync(pagePath);

  beforeAll(async () => {
    docs = await serveDocs({ port: 0 });
  });
  afterAll(() => docs?.close());

  test("listens on loopback and reports its URL", () => {
    expect(docs.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test("answers brotli to a browser that accepts it, and it decodes to the built page", async () => {
    const answer = await get(docs.url, { "Accept-Encoding": "gzip, deflate, br" });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(answer.headers.vary).toBe("Accept-Encoding");
    expect(answer.body.length).toBeLessThan(page.length / 3);
    expect(brotliDecompressSync(answer.body).equals(page)).toBe(true);
  });

  test("answers gzip to a client that accepts only gzip", async () => {
    const answer = await get(`${docs.url}index.html`, { "Accept-Encoding": "gzip" });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(answer.body).equals(page)).toBe(true);
  });

  test("answers the page as it is to a client that accepts no compression", async () => {
    const answer = await get(docs.url);
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.body.equals(page)).toBe(true);
  });

  test("serves the decorated spec beside the page", async () => {
    const answer = await get(`${docs.url}openapi.json`);
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(answer.body.toString()).paths).toBeDefined();
  });

  test("HEAD gives the headers without a body", async () => {
    const answer = await get(docs.url, { "Accept-Encoding": "br" }, "HEAD");
    expect(answer.status).toBe(200);
    expect(Number(answer.headers["content-length"])).toBeGreaterThan(0);
    expect(answer.body.length).toBe(0);
  });

  test("anything else is 404, and a write method is 405", async () => {
    expect((await get(`${docs.url}../package.json`)).status).toBe(404);
    expect((await get(`${docs.url}dist/index.html`)).status).toBe(404);
    expect((await get(`${docs.url}serve.js`)).status).toBe(404);
    const post = await get(docs.url, {}, "POST");
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
  });

  test("refuses to start without a built page, and says which command builds it", async () => {
    await expect(serveDocs({ port: 0, dir: "/nonexistent" })).rejects.toThrow(/pnpm --filter @modelarts-pools\/docs build/);
  });
});

describe("serveDocs reload", () => {
  test("serves the files as they are after reload(), on the same URL", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "docs-reload-"));
    writeFileSync(join(dir, "index.html"), "<p>first</p>");
    const docs = await serveDocs({ port: 0, dir });
    try {
      expect((await get(docs.url)).body.toString()).toBe("<p>first</p>");
      writeFileSync(join(dir, "index.html"), "<p>second</p>");
      expect((await get(docs.url)).body.toString()).toBe("<p>first</p>");
      docs.reload();
      expect((await get(docs.url)).body.toString()).toBe("<p>second</p>");
    } finally {
      await docs.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the docs server as `pnpm --filter @modelarts-pools/docs serve` runs it", () => {
  // The README's command, run as written (pnpm hands `-- --port 0` on), from the repo's root as a person runs it.
  test("prints the URL it serves on loopback with no warning, serves the page there, and exits 0 on SIGTERM", async () => {
    const serve = spawnUntil(...commandLine("pnpm --filter @modelarts-pools/docs serve -- --port 0"), {
      cwd: repo,
      env: copyEnv(),
      ready: /http:\/\/127\.0\.0\.1:\d+\//,
    });
    try {
      const [url] = await serve.ready;
      const answer = await get(url!);
      expect(answer.status).toBe(200);
      expect(answer.body.equals(readFileSync(pagePath))).toBe(true);
      expect(serve.output()).not.toMatch(/warning/i);
    } finally {
      expect(await serve.stop("SIGTERM")).toBe(0);
    }
  });
});
