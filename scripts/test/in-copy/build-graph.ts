// The build graph's checks on the shared repo copy (these tests edit files): a type error in a test file fails
// `pnpm lint` right after a lint that passed from cache without it (that every package's lint reads all its test
// files is lint-coverage.test.ts's); and the packages' own commands the READMEs show. That a spec edit reaches
// everything built from it with one build, and that the next build is all cache hits, is shown by the release of a
// spec edit (release.ts), which builds exactly that way.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COMMAND_DEADLINE_MS, commandsDeadline, copyEnv, runIn, type InstalledCopy } from "../../lib/repo-copy.mjs";
import { commandLine } from "../../lib/spawn.mjs";

export function buildGraph(copy: () => InstalledCopy): void {
  const at = (...path: string[]) => join(copy().root, ...path);

  describe("the build graph", () => {
    afterAll(() => copy().restore(), commandsDeadline(1));

    it("`pnpm lint` fails on a type error in a test file, though it passed from cache just before", () => {
      const passed = runIn(copy().root, ...commandLine("pnpm lint"));
      expect(passed).toMatch(/Tasks:\s+(\d+) successful, \1 total/);

      const file = "packages/client/test/errors.test.ts";
      const original = readFileSync(at(file), "utf8");
      try {
        writeFileSync(at(file), `${original}\nexport const lintMustSeeThis: number = "not a number";\n`);
        const lint = spawnSync(...commandLine("pnpm lint --continue"), { cwd: copy().root, env: copyEnv(), encoding: "utf8", timeout: COMMAND_DEADLINE_MS });
        const output = `${lint.stdout}${lint.stderr}`;
        expect(lint.status, output).not.toBe(0);
        expect(output).toMatch(/@modelarts-pools\/client:lint: .*test\/errors\.test\.ts\(\d+,\d+\): error TS2322/);
      } finally {
        writeFileSync(at(file), original);
      }
    }, commandsDeadline(2));

    it("`pnpm --filter @modelarts-pools/release-tools lint` type-checks the release tools and runs the gate", () => {
      const output = runIn(copy().root, ...commandLine("pnpm --filter @modelarts-pools/release-tools lint"));
      expect(output).toMatch(/no API difference since the last release|the pending changesets ask for/);
    }, commandsDeadline(1));

    it("`pnpm bench` (one figure set of it, one run each) writes BENCHMARKS.md and the report", () => {
      runIn(copy().root, ...commandLine("pnpm bench --only docs"), { env: copyEnv({ BENCH_RUNS: "1" }) });
      const report = JSON.parse(readFileSync(at(".bench", "report.json"), "utf8")) as { reports: { package: string }[] };
      expect(report.reports.map((each) => each.package)).toContain("docs");
      expect(readFileSync(at("BENCHMARKS.md"), "utf8")).toMatch(/\| docs \| page size, raw \| \d/);
    }, commandsDeadline(1));
  });
}
