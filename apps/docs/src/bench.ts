// `pnpm bench`: the page's size (raw, gzip, brotli as served) and the build's time, median of several full builds
// (decorate, redocly build-docs, offline pass, compression). Written to <repo>/.bench/docs.json for BENCHMARKS.md.
import { execFileSync } from "node:child_process";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { median } from "../../../scripts/lib/stats.mjs";
import { packageRoot, pagePath } from "./paths.js";

const runs = Number(process.env.BENCH_RUNS ?? 5);

const builds: number[] = [];
for (let run = 0; run < runs; run++) {
  const started = performance.now();
  execFileSync(process.execPath, [join(packageRoot, "dist", "build.js")], { cwd: packageRoot, stdio: "ignore" });
  builds.push(performance.now() - started);
}

const kB = (file: string) => Math.round(statSync(file).size / 102.4) / 10;
const report = {
  package: "docs",
  figures: [
    { name: "page size, raw", value: kB(pagePath), unit: "KiB", target: "≤ 2800 (test budget)", comparison: "dist/index.html: Redoc inlined once, spec and prerendered HTML" },
    { name: "page size, gzip", value: kB(`${pagePath}.gz`), unit: "KiB", comparison: "dist/index.html.gz, gzip level 9" },
    { name: "page size, brotli (as served)", value: kB(`${pagePath}.br`), unit: "KiB", comparison: "dist/index.html.br, brotli quality 11: what serveDocs sends a browser" },
    { name: "docs build", value: Math.round(median(builds)), unit: "ms", comparison: `median of ${runs} runs of dist/build.js (decorate, redocly build-docs, offline pass, brotli+gzip)` },
  ],
};

const benchDir = join(packageRoot, "..", "..", ".bench");
mkdirSync(benchDir, { recursive: true });
writeFileSync(join(benchDir, "docs.json"), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
