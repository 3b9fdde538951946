// Every runtime dependency of each published package, as installed, runs on the Node range the package declares;
// and the mock's embedded Prism is the very Prism the tests and the bench run bare.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { engineProblems, runtimeDependencies } from "../src/engines.js";
import { publishedPackages } from "../src/published.js";
import { repo } from "./support/repo-copy.js";

describe("the engines of the published packages' runtime dependencies", () => {
  it("admit each package's own Node range, transitively", async () => {
    const packages = await publishedPackages(repo);
    expect(packages.map((p) => p.name).sort()).toEqual(["@modelarts-pools/client", "@modelarts-pools/mock", "@modelarts-pools/spec", "@modelarts-pools/types"]);
    for (const { dir } of packages) expect(engineProblems(dir)).toEqual([]);
  });

  it("walk the mock's whole Prism family, held to one release", () => {
    const prism = runtimeDependencies(join(repo, "packages", "mock"))
      .filter((dep) => dep.name.startsWith("@stoplight/prism-"))
      .map((dep) => `${dep.name}@${dep.version}`)
      .sort();
    expect(prism).toEqual(["@stoplight/prism-core@5.16.0", "@stoplight/prism-http@5.16.0"]);
  });
});

describe("the tests' and the bench's bare Prism", () => {
  // Resolved as Node would from where each one is loaded: the mock's library, and the CLI the integration tests and
  // the mock's bench start (`@stoplight/prism-cli`, a devDependency of both).
  const resolveFrom = (dir: string, name: string) => realpathSync(dirname(createRequire(join(dir, "package.json")).resolve(`${name}/package.json`)));

  it.each(["tools/integration", "packages/mock"])("in %s runs the prism-http and prism-core the mock embeds", (user) => {
    const mock = join(repo, "packages", "mock");
    const cli = resolveFrom(join(repo, user), "@stoplight/prism-cli");
    const server = resolveFrom(cli, "@stoplight/prism-http-server");
    for (const library of ["@stoplight/prism-http", "@stoplight/prism-core"]) {
      expect(resolveFrom(cli, library), `${library} of prism-cli`).toBe(resolveFrom(mock, library));
      expect(resolveFrom(server, library), `${library} of prism-http-server`).toBe(resolveFrom(mock, library));
    }
  });
});

describe("the engines check", () => {
  let root: string | undefined;
  afterEach(() => root && rmSync(root, { recursive: true, force: true }));

  /** A package folder with an installed tree: name → [version, engines.node, dependencies]. */
  function installed(own: string, tree: Record<string, [string, string | undefined, string[]]>, top: string[]): string {
    root = mkdtempSync(join(tmpdir(), "engines-"));
    const write = (dir: string, manifest: object) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "package.json"), JSON.stringify(manifest));
    };
    write(root, { name: "published", version: "1.0.0", engines: { node: own }, dependencies: Object.fromEntries(top.map((name) => [name, "*"])) });
    for (const [name, [version, node, dependencies]] of Object.entries(tree)) {
      write(join(root, "node_modules", name), { name, version, ...(node && { engines: { node } }), dependencies: Object.fromEntries(dependencies.map((d) => [d, "*"])) });
    }
    return root;
  }

  it("names a transitive dependency that needs a newer Node, with the path that reached it", () => {
    const dir = installed(">=20.19", { direct: ["1.0.0", ">=18", ["deep"]], deep: ["2.0.0", ">=24.18.0", []] }, ["direct"]);
    expect(engineProblems(dir)).toEqual(["published > direct@1.0.0 > deep@2.0.0 declares node >=24.18.0, which does not admit all of >=20.19"]);
  });

  it("refuses a range that leaves out part of the package's (Node 21 here), and passes one with no claim", () => {
    const dir = installed(">=20.19", { gappy: ["1.0.0", "^20.19.0 || >=22.12.0", []], silent: ["1.0.0", undefined, []] }, ["gappy", "silent"]);
    expect(engineProblems(dir)).toEqual(["published > gappy@1.0.0 declares node ^20.19.0 || >=22.12.0, which does not admit all of >=20.19"]);
  });

  it("fails on a required dependency that is not installed", () => {
    const dir = installed(">=20.19", {}, ["missing"]);
    expect(() => engineProblems(dir)).toThrow("published > missing (*) is not installed");
  });
});
