// `pnpm test:quick` is the in-process tier: run as the README writes it, on one package, it runs every test file of
// that package except the *.e2e.test.ts ones, and they pass; its sampling tests draw a tenth of their cases.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyEnv, repo, runIn } from "../lib/repo-copy.mjs";
import { commandLine } from "../lib/spawn.mjs";

const scratch = mkdtempSync(join(tmpdir(), "tiers-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("pnpm test:quick", () => {
  it("`pnpm test:quick --project NAME` runs the package's test files but its *.e2e.test.ts ones", () => {
    const report = join(scratch, "report.json");
    const [command, args] = commandLine("pnpm test:quick --project release-tools");
    runIn(repo, command, [...args, "--reporter=json", `--outputFile.json=${report}`], { env: copyEnv() });
    const { testResults, numFailedTests, numPassedTests } = JSON.parse(readFileSync(report, "utf8")) as {
      testResults: { name: string }[];
      numFailedTests: number;
      numPassedTests: number;
    };
    const files = readdirSync(join(repo, "tools", "release", "test")).filter((file) => file.endsWith(".test.ts"));
    expect(files.filter((file) => file.endsWith(".e2e.test.ts")).length, "the package has end-to-end files to leave out").toBeGreaterThan(0);
    expect(testResults.map(({ name }) => name.split("/").pop()).sort()).toEqual(files.filter((file) => !file.endsWith(".e2e.test.ts")).sort());
    expect(numFailedTests).toBe(0);
    expect(numPassedTests).toBeGreaterThan(0);
  });

  it("draws a tenth of a sampling test's cases (the mock's dynamic answers: 20 of the whole suite's 200)", () => {
    const report = join(scratch, "draws.json");
    const [command, args] = commandLine("pnpm test:quick --project mock");
    runIn(repo, command, [...args, "packages/mock/test/dynamic.test.ts", "--reporter=json", `--outputFile.json=${report}`], { env: copyEnv() });
    const { testResults, numFailedTests } = JSON.parse(readFileSync(report, "utf8")) as {
      testResults: { assertionResults: { title: string }[] }[];
      numFailedTests: number;
    };
    const titles = testResults.flatMap(({ assertionResults }) => assertionResults.map(({ title }) => title));
    expect(titles).toContain("answers 20 generated createPool bodies, every one valid against Pool");
    expect(numFailedTests).toBe(0);
  });
});
