import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { syncSpecVersion } from "../src/spec-version.js";
import { copyRepo, ensureBuilt, repo } from "./support/repo-copy.js";

const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8"));

describe("the spec's version", () => {
  it("info.version of spec/openapi.yaml equals the spec package's version", () => {
    const spec = parse(readFileSync(join(repo, "spec", "openapi.yaml"), "utf8"));
    expect(spec.info.version).toBe(readJson(join(repo, "spec", "package.json")).version);
  });
});

describe("the version step of pnpm release, on a copy of the repo", () => {
  let copy: ReturnType<typeof copyRepo>;
  const file = () => join(copy.root, "spec", "openapi.yaml");
  let original: string;
  let current: string;

  // A copy per test: the version step rewrites the copy's versions, which the other test reads.
  beforeAll(() => ensureBuilt());
  beforeEach(() => {
    copy = copyRepo({ "add-something": "minor" });
    current = readJson(join(copy.root, "spec", "package.json")).version;
    original = readFileSync(file(), "utf8");
  });
  afterEach(() => copy.remove());

  it("syncSpecVersion changes the info.version line and nothing else", async () => {
    expect(await syncSpecVersion(file(), "3.4.5")).toBe(true);
    const changed = readFileSync(file(), "utf8").split("\n");
    const before = original.split("\n");
    const differing = changed.flatMap((line, i) => (line === before[i] ? [] : [[before[i], line]]));
    expect(differing).toEqual([[`  version: ${current}`, "  version: 3.4.5"]]);
    expect(await syncSpecVersion(file(), "3.4.5")).toBe(false);
    expect(await syncSpecVersion(file(), current)).toBe(true);
    expect(readFileSync(file(), "utf8")).toBe(original);
  });

  it("versions the fixed group together, writes changelogs and the spec's info.version", () => {
    const result = spawnSync("node", [join(repo, "scripts", "release.mjs"), "--root", copy.root, "--only", "version"], { encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);

    // One minor changeset for the spec moves all four to the next minor version, together.
    const [major, minor] = current.split(".").map(Number);
    const next = `${major}.${(minor ?? 0) + 1}.0`;
    const version = (path: string) => readJson(join(copy.root, path, "package.json")).version;
    for (const path of ["spec", "packages/types", "packages/client", "packages/mock"]) {
      expect(version(path), path).toBe(next);
      const changelog = readFileSync(join(copy.root, path, "CHANGELOG.md"), "utf8");
      expect(changelog).toContain(`## ${next}`);
    }
    expect(readFileSync(join(copy.root, "spec", "CHANGELOG.md"), "utf8")).toContain("add-something: a change for the test.");
    // Private packages are never versioned.
    expect(version("apps/docs")).toBe(readJson(join(repo, "apps", "docs", "package.json")).version);
    expect(version("tools/release")).toBe("0.0.0");
    expect(existsSync(join(copy.root, "apps", "docs", "CHANGELOG.md"))).toBe(false);
    // The changesets are consumed, and the spec says its new version.
    expect(readdirSync(join(copy.root, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md")).toEqual([]);
    expect(parse(readFileSync(file(), "utf8")).info.version).toBe(next);
  });
});
