import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { writeReleased } from "../src/released.js";
import { bundleSpec, cli, copyRepo, ensureBuilt, writeChangeset } from "./support/repo-copy.js";

// End to end on a temp copy of the repo: edit the spec's YAML source, bundle it with redocly, run the real CLI.
// Each test makes its own copy (the spec as released, plus the test's own edit and changesets), so it runs alone
// and in any order.
describe("the spec gate on a copy of the repo", () => {
  let copy: ReturnType<typeof copyRepo>;
  const check = () => spawnSync("node", [cli, "check", "--root", copy.root], { encoding: "utf8" });
  const changeset = (id: string, bump: string) => writeChangeset(copy.root, id, bump);

  /** Removes Pool.status.phase (a major change) from the copy's spec source and bundles it again. */
  function removePhase(): void {
    const file = join(copy.root, "spec", "components", "schemas", "PoolStatus.yaml");
    const schema = parseDocument(readFileSync(file, "utf8"));
    expect(schema.deleteIn(["properties", "phase"])).toBe(true);
    writeFileSync(file, schema.toString());
    bundleSpec(copy.root);
  }

  beforeAll(() => ensureBuilt());
  beforeEach(async () => {
    copy = copyRepo({ "initial-release": "minor" });
    // The copy's own spec, as released: the tests do not depend on the repo's baseline being current.
    const bundled = JSON.parse(readFileSync(bundleSpec(copy.root), "utf8"));
    await writeReleased(join(copy.root, "tools", "release", "released", "openapi.json"), "0.0.0", bundled);
  });
  afterEach(() => copy.remove());

  it("passes while the spec equals the released one", () => {
    const result = check();
    expect(result.stdout).toContain("no API difference since the last release (0.0.0)");
    expect(result.status).toBe(0);
  });

  it("fails, naming the difference, when a response property is removed without a major changeset", () => {
    removePhase();
    const result = check();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("spec gate FAILED");
    expect(result.stderr).toContain("need a MAJOR release");
    expect(result.stderr).toContain("ask only for minor (initial-release)");
    // Named once, with every answer that holds a Pool (createPool's and updatePool's among them).
    const finding = result.stderr.split("\n").filter((line) => line.includes("removed response property Pool.status.phase (major) — in "));
    expect(finding).toHaveLength(1);
    expect(finding[0]).toContain("createPool 200 application/json");
    expect(finding[0]).toContain("updatePool 200 application/json");
  });

  it("still fails with a minor changeset", () => {
    removePhase();
    changeset("drop-phase", "minor");
    expect(check().status).toBe(1);
  });

  it("passes once a changeset asks for a major release", () => {
    removePhase();
    changeset("drop-phase", "major");
    const result = check();
    expect(result.stdout).toContain("need a major release; the pending changesets ask for major (drop-phase)");
    expect(result.status).toBe(0);
  });
});
