// The check each published tarball passes (run by `lint` on fresh packs and by `pnpm release` on what it packed):
// shown passing on a real packed package, and failing, naming the file or field, on tarballs broken one way each.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentProblems, linterProblems, pack, unpack, type Unpacked } from "../src/tarball.js";
import { sharedTarballs } from "../../../scripts/lib/fixtures/shared.mjs";
import { repo } from "./support/repo-copy.js";

const range = ">=20.19";
const scratch = mkdtempSync(join(tmpdir(), "tarball-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A small ESM package in a folder of its own, packed by pnpm like the real ones; `change` breaks it one way. */
function packed(name: string, change: (dir: string, manifest: Record<string, unknown>) => void = () => {}): string {
  const dir = join(scratch, name);
  mkdirSync(join(dir, "dist"), { recursive: true });
  const manifest: Record<string, unknown> = {
    name: `@fixture/${name}`,
    version: "1.0.0",
    license: "MIT",
    type: "module",
    engines: { node: range },
    exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" }, "./package.json": "./package.json" },
    files: ["dist"],
  };
  writeFileSync(join(dir, "dist", "index.js"), 'export { greet } from "./greet.js";\n');
  writeFileSync(join(dir, "dist", "greet.js"), 'export const greet = () => "hello";\n');
  writeFileSync(join(dir, "dist", "index.d.ts"), 'export { greet } from "./greet.js";\n');
  writeFileSync(join(dir, "dist", "greet.d.ts"), "export declare const greet: () => string;\n");
  writeFileSync(join(dir, "README.md"), "# fixture\n");
  cpSync(join(repo, "LICENSE"), join(dir, "LICENSE"));
  change(dir, manifest);
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2));
  return pack(dir, join(scratch, "tarballs"));
}

function problemsOf(tarball: string): string[] {
  const unpacked: Unpacked = unpack(tarball);
  try {
    return contentProblems(unpacked, range);
  } finally {
    unpacked.remove();
  }
}

describe("a published package's tarball", () => {
  let typesTarball: string;
  beforeAll(async () => {
    typesTarball = (await sharedTarballs()).tarballs["@modelarts-pools/types"]!;
  });

  it("@modelarts-pools/types as packed: LICENSE, README, engines, only what its exports reach, publint and attw clean", async () => {
    // The package keeps no LICENSE of its own: pnpm packs the workspace root's into any package that has none.
    expect(existsSync(join(repo, "packages", "types", "LICENSE"))).toBe(false);
    const unpacked = unpack(typesTarball);
    try {
      expect(unpacked.files).toEqual(["LICENSE", "README.md", "dist/generated/openapi.d.ts", "dist/index.d.ts", "dist/index.js", "package.json"]);
      expect(contentProblems(unpacked, range)).toEqual([]);
      expect(await linterProblems(typesTarball, unpacked.manifest)).toEqual([]);
    } finally {
      unpacked.remove();
    }
  });

  it("passes when whole", () => {
    expect(problemsOf(packed("whole"))).toEqual([]);
  });

  it("names a file that nothing reaches", () => {
    expect(problemsOf(packed("extra", (dir) => writeFileSync(join(dir, "dist", "internal.d.ts"), "export {};\n")))).toEqual([
      "dist/internal.d.ts is in the tarball but no export, bin or import reaches it",
    ]);
  });

  it("names an imported file the tarball lacks", () => {
    expect(problemsOf(packed("missing", (dir) => rmSync(join(dir, "dist", "greet.js"))))).toEqual([
      "dist/greet.js is named by an export, bin or import but is not in the tarball",
    ]);
  });

  it("refuses a tarball without the MIT LICENSE or a README, or with another Node range", () => {
    const problems = problemsOf(
      packed("bare", (dir, manifest) => {
        rmSync(join(dir, "LICENSE"));
        rmSync(join(dir, "README.md"));
        manifest.engines = { node: ">=18" };
      }),
    );
    expect(problems).toEqual([
      `package.json engines.node is ">=18"; every published package declares a range inside the repo's ">=20.19"`,
      "no LICENSE file",
      "no README.md",
    ]);
  });

  it("accepts a Node range inside the repo's (the mock's >=24.18)", () => {
    expect(problemsOf(packed("narrower", (_dir, manifest) => (manifest.engines = { node: ">=24.18" })))).toEqual([]);
  });

  it("runs publint --strict and arethetypeswrong on the tarball, and reports what they say", async () => {
    const tarball = packed("untyped", (dir, manifest) => {
      rmSync(join(dir, "dist", "index.d.ts"));
      manifest.exports = { ".": "./dist/index.js" };
    });
    const unpacked = unpack(tarball);
    try {
      const problems = await linterProblems(tarball, unpacked.manifest);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^arethetypeswrong failed:\n[\s\S]*no type declarations were found/);
    } finally {
      unpacked.remove();
    }
  });

  it("reports publint's complaint about a types condition that comes after default", async () => {
    const tarball = packed("types-last", (_dir, manifest) => {
      manifest.exports = { ".": { default: "./dist/index.js", types: "./dist/index.d.ts" } };
    });
    const unpacked = unpack(tarball);
    try {
      const problems = await linterProblems(tarball, unpacked.manifest);
      expect(problems[0]).toMatch(/^publint --strict failed:\n[\s\S]*types/);
    } finally {
      unpacked.remove();
    }
  });
});
