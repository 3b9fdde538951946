// The release's last word on the packed tarballs: one version throughout, and types that are what the packed spec
// generates. Shown on the real spec and types (the run's shared tarballs, packed from the repo) each made stale one
// way; that one build packs a set in step is what `pnpm release` checks of its own tarballs (scripts/test/in-copy/release.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedTarballs } from "../../../scripts/lib/fixtures/shared.mjs";
import { inStepProblems } from "../src/in-step.js";
import { unpack, type Unpacked } from "../src/tarball.js";
import { repo } from "./support/repo-copy.js";

const packed = new Map<string, Unpacked>();
const version = JSON.parse(readFileSync(join(repo, "spec", "package.json"), "utf8")).version as string;

beforeAll(async () => {
  const { tarballs } = await sharedTarballs();
  for (const name of ["@modelarts-pools/spec", "@modelarts-pools/types"]) packed.set(name, unpack(tarballs[name]!));
});
afterAll(() => {
  for (const contents of packed.values()) contents.remove();
});

describe("the packed spec and types", () => {
  it("are refused, naming each, when they carry another version than the one released", () => {
    expect(inStepProblems(repo, "9.9.9", packed)).toEqual([
      `@modelarts-pools/spec is packed as ${version}, not 9.9.9`,
      `@modelarts-pools/types is packed as ${version}, not 9.9.9`,
      `@modelarts-pools/spec's dist/openapi.json says info.version ${version}, not 9.9.9: its bundle is stale`,
    ]);
  });

  it("are refused when the packed types were not generated from the packed spec", () => {
    const bundle = join(packed.get("@modelarts-pools/spec")!.dir, "dist", "openapi.json");
    const original = readFileSync(bundle, "utf8");
    const spec = JSON.parse(original);
    spec.components.schemas.PoolSpecCreation.properties.releaseProbe = { type: "string", description: "A property the packed types lack." };
    writeFileSync(bundle, JSON.stringify(spec));
    try {
      expect(inStepProblems(repo, version, packed)).toEqual([
        `@modelarts-pools/types's dist/generated/openapi.d.ts is not what @modelarts-pools/spec ${version}'s openapi.json generates: the types are stale`,
      ]);
    } finally {
      writeFileSync(bundle, original);
    }
  });
});
