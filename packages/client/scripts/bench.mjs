#!/usr/bin/env node
// `pnpm bench`: how much a call through the client costs over a hand-written fetch doing the same PATCH on a
// loopback server, how fast AK/SK signing runs, and how big the browser bundle is. Writes .bench/client.json at
// the repo root. Figures only: nothing here passes or fails.
import { median } from "../../../scripts/lib/stats.mjs";
import { fork } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createPoolsClient, signRequest } from "../dist/index.js";
import { rawClientOf } from "../dist/raw.js";
import { browserBundle, entries, operationCount, perOperationBytes, specWithOneMoreOperation } from "./browser-bundle.mjs";

// Rounds of one call per variant, the order rotating each round: per-call alternation keeps drifts of the
// machine (other processes, GC, CPU clock) out of the ratio far better than batches do.
const rounds = 8_000;
const warmupCalls = 1_000;
const signings = 5_000;

const server = fork(fileURLToPath(new URL("./bench-server.mjs", import.meta.url)), { stdio: "inherit" });
const { port } = await new Promise((resolve) => server.once("message", resolve));
const endpoint = `http://127.0.0.1:${port}`;
const token = "bench-token-".padEnd(2_000, "x"); // IAM tokens are a few kB
const patch = { spec: { resources: [{ flavor: "modelarts.vm.cpu.4ud", count: 3 }] } };
const poolName = "auto-pool-os-86c13962597848eeb29c5861153a391f";
const pools = createPoolsClient({ projectId: "p1", endpoint, auth: { token } });
const raw = rawClientOf(pools);

const variants = {
  // What a careful hand-written call does: same URL, headers and body, status check, JSON parse.
  fetch: async () => {
    const response = await fetch(`${endpoint}/v2/p1/pools/${poolName}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/merge-patch+json", Accept: "application/json", "X-Auth-Token": token },
      body: JSON.stringify(patch),
    });
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  },
  updatePool: () => pools.updatePool(poolName, patch),
  raw: async () => {
    const { data, error } = await raw.PATCH("/v2/{project_id}/pools/{pool_name}", {
      params: { path: { project_id: "p1", pool_name: poolName } },
      body: patch,
    });
    if (error) throw new Error("raw failed");
    return data;
  },
};


for (const run of Object.values(variants)) for (let i = 0; i < warmupCalls; i++) await run();
const names = Object.keys(variants);

/** One run: the median per-call time of each variant over `rounds` interleaved rounds. */
async function measure() {
  const perCall = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      const start = process.hrtime.bigint();
      await variants[name]();
      perCall[name].push(Number(process.hrtime.bigint() - start) / 1e3);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(perCall[name])]));
}

// BENCH_RUNS runs (default 3); each figure is the median over the runs, and the ratios' spread is reported too.
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const measured = [];
for (let run = 0; run < runs; run++) measured.push(await measure());
const perCallUs = (name) => median(measured.map((run) => run[name]));
const ratios = (name) => measured.map((run) => run[name] / run.fetch);
const ratio = (name) => median(ratios(name));
const spread = (name) => `${runs} runs: ${ratios(name).map(round2).join(", ")}`;

const request = { method: "PATCH", url: `${endpoint}/v2/p1/pools/${poolName}`, headers: { "Content-Type": "application/merge-patch+json" }, body: JSON.stringify(patch) };
const credentials = { accessKey: "AK", secretKey: "SK".padEnd(40, "k") };
for (let i = 0; i < 500; i++) await signRequest(request, credentials);
const signStart = process.hrtime.bigint();
for (let i = 0; i < signings; i++) await signRequest(request, credentials);
const signPerSecond = signings / (Number(process.hrtime.bigint() - signStart) / 1e9);

const bundle = await browserBundle("main");
const rawBundle = await browserBundle("main+raw");
// The same bundle made from the spec with one more operation (method and iterator): what a spec edit costs.
const oneMore = await browserBundle("main", specWithOneMoreOperation());
server.disconnect();

const comparison = `median over ${runs} runs of ${rounds} interleaved rounds (one call per variant per round, order rotating) of PATCHes to a loopback node:http server in another process, Node ${process.versions.node}; ratio of the median per-call times`;
const report = {
  package: "client",
  figures: [
    { name: "updatePool vs raw fetch, time ratio", value: round2(ratio("updatePool")), unit: "ratio", target: "≤ 1.10", comparison: `${comparison}; the fetch does the same PATCH with the same headers, status check and JSON parse (no time-out); updatePool runs with its defaults (30 s time-out, which alone costs about 4 % here because fetch then gets a signal); ${spread("updatePool")}` },
    { name: "rawClientOf(pools) (openapi-fetch) vs raw fetch, time ratio", value: round2(ratio("raw")), unit: "ratio", comparison: `${comparison}; for reference, the typed openapi-fetch path; ${spread("raw")}` },
    { name: "raw fetch PATCH, time per call", value: round2(perCallUs("fetch")), unit: "µs", comparison: `median of ${rounds} calls, median over ${runs} runs` },
    { name: "updatePool, time per call", value: round2(perCallUs("updatePool")), unit: "µs", comparison: `median of ${rounds} calls (median over ${runs} runs), default options (30 s time-out, no retries)` },
    { name: "signRequest (AK/SK, WebCrypto)", value: Math.round(signPerSecond), unit: "signatures/s", comparison: `${signings} sequential signatures of an updatePool request after 500 warm-up, public signRequest (imports the key every time)` },
    { name: "browser bundle, minified + gzipped", value: bundle.gzippedBytes, unit: "B", target: `≤ ${entries.main.budgetBytes}`, comparison: `esbuild bundle of the main entry (no openapi-fetch), minified, gzip -9 (${bundle.minifiedBytes} bytes minified)` },
    { name: "browser bundle, one more operation", value: oneMore.gzippedBytes - bundle.gzippedBytes, unit: "B", target: `≤ ${perOperationBytes}`, comparison: `the main bundle made from the spec with one more paged GET operation (${operationCount() + 1} operations: ${oneMore.gzippedBytes} B) minus the one made from the spec's ${operationCount()} (${bundle.gzippedBytes} B)` },
    { name: "browser bundle with ./raw, minified + gzipped", value: rawBundle.gzippedBytes, unit: "B", target: `≤ ${entries["main+raw"].budgetBytes}`, comparison: `esbuild bundle of the main entry and the ./raw entry together (openapi-fetch included), minified, gzip -9 (${rawBundle.minifiedBytes} bytes minified)` },
  ],
};

function round2(value) {
  return Math.round(value * 100) / 100;
}

const out = fileURLToPath(new URL("../../../.bench/client.json", import.meta.url));
mkdirSync(fileURLToPath(new URL("../../../.bench/", import.meta.url)), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
for (const figure of report.figures) console.log(`${figure.name}: ${figure.value} ${figure.unit}${figure.target ? ` (target ${figure.target})` : ""}`);
console.log(`written to ${out}`);
