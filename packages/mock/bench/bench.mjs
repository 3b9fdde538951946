// `pnpm --filter @modelarts-pools/mock bench`: the mock's throughput and latency beside bare Prism (`prism mock` on the
// same bundled spec), under the same loopback load, runs interleaved so that drift of the machine hits both alike.
// Writes /work/main/.bench/mock.json (the repo's .bench/). Run after `build`: it serves dist/ through the CLI.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../../../scripts/lib/net.mjs";
import { spawnUntil } from "../../../scripts/lib/spawn.mjs";
import { median, percentile } from "../../../scripts/lib/stats.mjs";
import { load } from "./load.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const require = createRequire(import.meta.url);

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const REQUESTS = 10_000; // per run and server
const SECONDS = 10; // cap per run, whatever the count
const CONNECTIONS = 16;
const WARMUP = 3000;

const specPath = require.resolve("@modelarts-pools/spec/openapi.json");
const spec = require(specPath);
const prismCliManifest = require.resolve("@stoplight/prism-cli/package.json");
const prismCli = join(dirname(prismCliManifest), "dist", "index.js");
const prismVersion = JSON.parse(readFileSync(prismCliManifest, "utf8")).version;

// Half creates, half merge-patch updates, each with the spec's own example body and a token.
const create = JSON.stringify(spec.components.examples.createDedicatedPool.value);
const patch = JSON.stringify(spec.components.examples.scaleOutPool.value);
const project = "2e1ad4e4a7d24a6ba0e1a7d1c7e9b2c1";
let turn = 0;
const requests = () =>
  turn++ % 2 === 0
    ? { method: "POST", path: `/v2/${project}/pools`, headers: { "content-type": "application/json", "x-auth-token": "bench" }, body: create }
    : {
        method: "PATCH",
        path: `/v2/${project}/pools/auto-pool-os-86c13962597848eeb29c5861153a391f`,
        headers: { "content-type": "application/merge-patch+json", "x-auth-token": "bench" },
        body: patch,
      };

const spawned = [];
process.on("exit", () => spawned.forEach((server) => server.child.kill("SIGKILL")));

function spawnServer(args, ready) {
  const server = spawnUntil(process.execPath, args, { ready, env: { ...process.env, NODE_ENV: "bench" } });
  spawned.push(server);
  return server;
}

const start = (args, ready) => spawnServer(args, ready).ready.then((found) => found[0]);

async function waitUntilAnswering(url) {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      await fetch(`${url}/`);
      return url;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`${url} never answered`);
}

const firstUrl = /http:\/\/127\.0\.0\.1:\d+/;

const prismPort = await freePort();
// Bare Prism as its CLI runs it, logging silenced: logging is the CLI's own cost, not the mock's saving.
const prismArgs = [prismCli, "mock", "-h", "127.0.0.1", "-p", String(prismPort), "--verboseLevel", "silent", specPath];
const mockServer = spawnServer([join(here, "..", "bin", "modelarts-pools-mock.js"), "--port", "0"], firstUrl);
const servers = {
  // The journal is on, as it always is: every request is recorded (within its 4 MiB budget).
  mock: await mockServer.ready.then((found) => found[0]),
  prism: (spawnServer(prismArgs), await waitUntilAnswering(`http://127.0.0.1:${prismPort}`)),
};
servers.proxy = await start([join(here, "proxy-front.mjs"), String(prismPort)], firstUrl);

for (const url of Object.values(servers)) await load({ url, requests, total: WARMUP, connections: CONNECTIONS, seconds: SECONDS });

const results = { mock: [], prism: [], proxy: [] };
for (let run = 0; run < RUNS; run++) {
  for (const [name, url] of Object.entries(servers)) {
    const result = await load({ url, requests, total: REQUESTS, connections: CONNECTIONS, seconds: SECONDS });
    if (result.failed > 0) throw new Error(`${name}: ${result.failed} requests were not answered 200`);
    results[name].push({ perSecond: result.perSecond, median: median(result.latencies), p99: percentile(result.latencies, 0.99) });
    process.stderr.write(`run ${run + 1}/${RUNS} ${name}: ${result.perSecond.toFixed(0)} req/s\n`);
  }
}

// Memory under a long run: the mock's resident set after the runs above and after LONG_RUN more requests, which the
// journal's byte budget and the examples mode's lack of state must keep from growing.
const LONG_RUN = 100_000;
const rssMiB = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${mockServer.child.pid}/status`, "utf8"))[1]) / 1024;
const rssBefore = rssMiB();
let sent = 0;
let rssHalfway = rssBefore;
while (sent < LONG_RUN) {
  const result = await load({ url: servers.mock, requests, total: REQUESTS, connections: CONNECTIONS, seconds: 60 });
  if (result.failed > 0) throw new Error(`mock: ${result.failed} requests of the long run were not answered 200`);
  sent += REQUESTS;
  if (sent === LONG_RUN / 2) rssHalfway = rssMiB();
}
const rssAfter = rssMiB();

const med = (name, key) => median(results[name].map((r) => r[key]));
const ratio = (name) => median(results[name].map((r, run) => r.perSecond / results.prism[run].perSecond));
const load_ = `${REQUESTS} requests (half createPool, half updatePool, the spec's examples) over ${CONNECTIONS} keep-alive loopback connections, ≤ ${SECONDS} s`;
const round = (value, digits = 0) => Number(value.toFixed(digits));

const report = {
  package: "mock",
  figures: [
    {
      name: "throughput, mock ÷ bare Prism",
      value: round(ratio("mock"), 2),
      unit: "ratio",
      target: "≥ 1.50",
      comparison: `median of ${RUNS} interleaved runs' ratios; each run ${load_}; the mock's request journal on (its default); bare Prism = prism-cli ${prismVersion} \`prism mock\`, --verboseLevel silent`,
    },
    {
      name: "memory of the mock under a long run (resident set)",
      value: round(rssAfter, 1),
      unit: "MiB",
      comparison: `after ${RUNS} runs and ${LONG_RUN} requests more, journal on: ${round(rssBefore, 1)} MiB before them, ${round(rssHalfway, 1)} MiB halfway; the second half's growth (${round(rssAfter - rssHalfway, 1)} MiB) is what a leak would show (the journal keeps at most 4 MiB of entries' JSON)`,
    },
    { name: "throughput, mock", value: round(med("mock", "perSecond")), unit: "req/s", comparison: `median of ${RUNS} runs; ${load_}` },
    { name: "throughput, bare Prism", value: round(med("prism", "perSecond")), unit: "req/s", comparison: `median of ${RUNS} runs; ${load_}` },
    { name: "latency median, mock", value: round(med("mock", "median"), 2), unit: "ms", comparison: `median over ${RUNS} runs of each run's median` },
    { name: "latency median, bare Prism", value: round(med("prism", "median"), 2), unit: "ms", comparison: `median over ${RUNS} runs of each run's median` },
    { name: "latency p99, mock", value: round(med("mock", "p99"), 2), unit: "ms", comparison: `median over ${RUNS} runs of each run's 99th percentile` },
    { name: "latency p99, bare Prism", value: round(med("prism", "p99"), 2), unit: "ms", comparison: `median over ${RUNS} runs of each run's 99th percentile` },
    { name: "latency median, rejected design (thin proxy → Prism child)", value: round(med("proxy", "median"), 2), unit: "ms", comparison: `median over ${RUNS} runs of each run's median` },
    {
      name: "throughput, rejected design (thin proxy → Prism child) ÷ bare Prism",
      value: round(ratio("proxy"), 2),
      unit: "ratio",
      comparison: `same runs; a node:http front forwarding to the same Prism process, with no checks: the cost of the second hop alone`,
    },
  ],
};

mkdirSync(join(root, ".bench"), { recursive: true });
writeFileSync(join(root, ".bench", "mock.json"), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
process.exit(0);
