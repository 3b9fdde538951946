// The build graph on a copy of the repo (these tests edit files): a spec edit reaches the types with `pnpm build` alone
// and the next build is all cache hits; a type error in any package's test file fails `pnpm lint`, even right after
// a lint that passed (and was cached) without it.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_DEADLINE_MS, commandsDeadline, copyEnv, installedCopy, runIn } from "../lib/repo-copy.mjs";
import { commandLine } from "../lib/spawn.mjs";

let copy: { root: string; remove(): void };
beforeAll(() => {
  copy = installedCopy("build-graph-");
}, commandsDeadline(2));
afterAll(() => copy?.remove());

const at = (...path: string[]) => join(copy.root, ...path);

describe("pnpm build after a spec edit", () => {
  it("gives types that have the edit, and a second build is all cache hits", () => {
    const scope = at("spec", "components", "schemas", "PoolScope.yaml");
    const original = readFileSync(scope, "utf8");
    expect(original).toContain("enum: [Train, Infer, Notebook]");
    writeFileSync(scope, original.replace("enum: [Train, Infer, Notebook]", "enum: [Train, Infer, Notebook, Probe]"));
    try {
      runIn(copy.root, ...commandLine("pnpm build"));
      const declarations = readFileSync(at("packages", "types", "dist", "generated", "openapi.d.ts"), "utf8");
      expect(declarations).toMatch(/PoolScope: "Train" \| "Infer" \| "Notebook" \| "Probe";/);

      const again = runIn(copy.root, ...commandLine("pnpm build"));
      expect(again, again).toMatch(/Cached:\s+(\d+) cached, \1 total/);
      expect(again).toContain("FULL TURBO");
    } finally {
      writeFileSync(scope, original);
    }
    // Back to the copy as it was, so that the next test starts from the repo's own (cached) build.
    expect(readFileSync(at("packages", "types", "dist", "generated", "openapi.d.ts"), "utf8")).toContain('"Probe"');
    runIn(copy.root, ...commandLine("pnpm build"));
    expect(readFileSync(at("packages", "types", "dist", "generated", "openapi.d.ts"), "utf8")).not.toContain('"Probe"');
  }, commandsDeadline(3));
});

describe("pnpm lint", () => {
  /** The first test file (by name) of each workspace package that has tests. */
  function oneTestFilePerPackage(): { name: string; file: string }[] {
    const folders = ["spec", "scripts", ...["packages", "apps", "tools"].flatMap((group) => readdirSync(at(group)).map((name) => join(group, name)))];
    return folders.flatMap((folder) => {
      const tests = readdirSync(at(folder, "test"), { withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith(".test.ts"));
      if (tests.length === 0) return [];
      const { name } = JSON.parse(readFileSync(at(folder, "package.json"), "utf8")) as { name: string };
      return [{ name, file: join(folder, "test", tests.map((entry) => entry.name).sort()[0]!) }];
    });
  }

  it("fails on a type error in a test file of every package, though it passed from cache just before", () => {
    const passed = runIn(copy.root, ...commandLine("pnpm lint"));
    expect(passed).toMatch(/Tasks:\s+(\d+) successful, \1 total/);

    const broken = oneTestFilePerPackage();
    expect(broken.map(({ name }) => name)).toEqual(
      expect.arrayContaining(["@modelarts-pools/spec", "@modelarts-pools/types", "@modelarts-pools/client", "@modelarts-pools/mock", "@modelarts-pools/docs", "@modelarts-pools/release-tools", "@modelarts-pools/scripts"]),
    );
    const originals = new Map(broken.map(({ file }) => [file, readFileSync(at(file), "utf8")]));
    try {
      for (const [file, text] of originals) writeFileSync(at(file), `${text}\nexport const lintMustSeeThis: number = "not a number";\n`);
      const lint = spawnSync(...commandLine("pnpm lint --continue"), { cwd: copy.root, env: copyEnv(), encoding: "utf8", timeout: COMMAND_DEADLINE_MS });
      const output = `${lint.stdout}${lint.stderr}`;
      expect(lint.status, output).not.toBe(0);
      for (const { name, file } of broken) {
        const inPackage = file.split("/").slice(-2).join("/");
        expect(output, `${name} did not report ${file}`).toMatch(new RegExp(`${name}:lint: .*${inPackage.replace(".", "\\.")}\\(\\d+,\\d+\\): error TS2322`));
      }
    } finally {
      for (const [file, text] of originals) writeFileSync(at(file), text);
    }
  }, commandsDeadline(2));
});

describe("the packages' own commands the READMEs show", () => {
  it("`pnpm --filter @modelarts-pools/docs build` writes the page, compressed", () => {
    runIn(copy.root, ...commandLine("pnpm --filter @modelarts-pools/docs build"));
    for (const file of ["index.html", "index.html.br", "index.html.gz", "openapi.json"]) expect(existsSync(at("apps", "docs", "dist", file)), file).toBe(true);
  }, commandsDeadline(1));

  it("`pnpm --filter @modelarts-pools/release-tools lint` runs the gate and checks the packages", () => {
    const output = runIn(copy.root, ...commandLine("pnpm --filter @modelarts-pools/release-tools lint"));
    expect(output).toMatch(/no API difference since the last release|the pending changesets ask for/);
    expect(output).toMatch(/the packed set \(\d+\.\d+\.\d+\) — ok/);
  }, commandsDeadline(1));

  it("`pnpm bench` (one figure set of it, one run each) writes BENCHMARKS.md and the report", () => {
    runIn(copy.root, ...commandLine("pnpm bench --only docs"), { env: copyEnv({ BENCH_RUNS: "1" }) });
    const report = JSON.parse(readFileSync(at(".bench", "report.json"), "utf8")) as { reports: { package: string }[] };
    expect(report.reports.map((each) => each.package)).toContain("docs");
    expect(readFileSync(at("BENCHMARKS.md"), "utf8")).toMatch(/\| docs \| page size, raw \| \d/);
  }, commandsDeadline(1));
});
