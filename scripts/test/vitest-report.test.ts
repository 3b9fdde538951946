// failuresOf reads a real vitest JSON report: `npm test`'s closing count line and `pnpm test:soak` both count with it,
// so a file that fails with no failed test in it (an empty describe, a hook that throws) must count as a failure —
// vitest exits 1 for it while its own numFailedTests stays 0.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { failuresOf } from "../lib/vitest-report.mjs";

const vitest = fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "vitest-report-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("failuresOf", () => {
  it("counts a file that fails with no failed test, names the file and vitest's reason, and counts the tests that ran", () => {
    // --globals: the files live outside the repo, where `import "vitest"` would not resolve.
    writeFileSync(join(scratch, "steady.test.mjs"), 'test("passes", () => expect(1).toBe(1));\n');
    // As the docs' serve.test.ts once was: tests that pass, then a describe left empty.
    writeFileSync(join(scratch, "empty.test.mjs"), 'test("passes", () => {});\ndescribe("a suite left empty", () => {});\n');
    writeFileSync(join(scratch, "vitest.config.mjs"), `export default { cacheDir: ${JSON.stringify(join(scratch, ".vite"))} };\n`);
    const report = join(scratch, "report.json");
    const run = spawnSync(process.execPath, [vitest, "run", "--globals", "--root", scratch, "--reporter=json", `--outputFile.json=${report}`], { cwd: scratch, encoding: "utf8" });
    const exit = run.status;
    expect(exit, run.stdout + run.stderr).toBe(1);
    const { passed, failures } = failuresOf(report, scratch, exit);
    expect(passed).toBe(2);
    expect(failures).toEqual([{ test: "empty.test.mjs › (the file)", message: expect.stringMatching(/^(No test found in suite a suite left empty|failed with no failed test: an empty describe)/) }]);
  });

  it("counts a run that ended before writing its report as one failure of the run", () => {
    expect(failuresOf(join(scratch, "never-written.json"), scratch, 137).failures).toEqual([{ test: "(vitest run)", message: "ended with 137 before writing its report" }]);
  });
});
