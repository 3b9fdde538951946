// `pnpm lint` type-checks every TypeScript file under each package's test/ folder: each package's lint script runs
// tsc on a tsconfig whose files include all of them (as that package's own tsc resolves it: `tsc --showConfig`, which
// lists the files without type-checking them).
// That a type error there then fails lint, even after a cached pass, is shown once on the repo copy
// (in-copy/build-graph.ts).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repo } from "../lib/repo-copy.mjs";

const tracked = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: repo, encoding: "utf8" }).split("\n");
const folders = ["spec", "scripts", ...tracked.flatMap((file) => /^((packages|apps|tools)\/[^/]+)\/package\.json$/.exec(file)?.[1] ?? [])];

/** The files of the tsconfig that a lint script gives tsc (`tsc -p FILE`), as absolute paths. */
function linted(folder: string): Set<string> {
  const lint = (JSON.parse(readFileSync(join(repo, folder, "package.json"), "utf8")) as { scripts?: { lint?: string } }).scripts?.lint ?? "";
  const config = /\btsc -p (\S+)/.exec(lint)?.[1];
  if (!config) return new Set();
  const file = join(repo, folder, config);
  const tsc = join(repo, folder, "node_modules", ".bin", "tsc");
  const shown = JSON.parse(execFileSync(tsc, ["-p", file, "--showConfig"], { encoding: "utf8" })) as { files?: string[] };
  return new Set((shown.files ?? []).map((name) => resolve(dirname(file), name)));
}

/** Test files that a package's lint leaves out on purpose, each with what type-checks it instead. */
const checkedElsewhere = new Map([
  ["tools/integration/test/consumer/consumer.ts", "the consumer's program: compiled against the packed tarballs by the consumer test's own strict tsc (nodenext and bundler)"],
]);

describe("pnpm lint", () => {
  it.each(folders)("type-checks every TypeScript file of %s/test", (folder) => {
    const tests = tracked.filter((file) => file.startsWith(`${folder}/test/`) && /\.(m|c)?tsx?$/.test(file) && !file.endsWith(".d.ts") && !checkedElsewhere.has(file));
    const files = linted(folder);
    expect(tests.filter((file) => !files.has(join(repo, file)))).toEqual([]);
  });

  it("is shown to read a package's test files at all (the check above would pass on an empty test folder)", () => {
    expect(linted("packages/client")).toContain(join(repo, "packages/client/test/errors.test.ts"));
  });
});
