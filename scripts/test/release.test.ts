// `pnpm release` end to end on a copy of the repo: a spec edit (a new optional request property), a minor changeset,
// and nothing else; the release must pack types that have the property, and so must the client's re-exported types.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_DEADLINE_MS, commandsDeadline, copyEnv, installedCopy, runIn } from "../lib/repo-copy.mjs";
import { commandLine } from "../lib/spawn.mjs";

let copy: { root: string; remove(): void };
const scratch = mkdtempSync(join(tmpdir(), "release-consumer-"));
let released = "";

beforeAll(() => {
  copy = installedCopy("release-");
  const at = (...path: string[]) => join(copy.root, ...path);
  // The copy's spec as the last release (pre-release baseline), so that the edit below is the only difference.
  runIn(copy.root, "node", ["tools/release/dist/cli.js", "save-released", "--initial"]);
  for (const file of readdirSync(at(".changeset"))) if (file.endsWith(".md") && file !== "README.md") rmSync(at(".changeset", file));
  // `pnpm changeset` as the README shows it, without its questions (--empty): a changeset file, released as nothing.
  runIn(copy.root, ...commandLine("pnpm changeset --empty"));
  expect(readdirSync(at(".changeset")).filter((file) => file.endsWith(".md") && file !== "README.md")).toHaveLength(1);
  writeFileSync(at(".changeset", "release-note.md"), '---\n"@modelarts-pools/spec": minor\n---\n\nA pool may carry a release note.\n');
  const schema = at("spec", "components", "schemas", "PoolSpecCreation.yaml");
  const original = readFileSync(schema, "utf8");
  expect(original).toContain("\nproperties:\n");
  writeFileSync(schema, original.replace("\nproperties:\n", "\nproperties:\n  releaseNote:\n    type: string\n    description: A note kept with the pool.\n"));

  const release = spawnSync(...commandLine("pnpm release"), { cwd: copy.root, env: copyEnv(), encoding: "utf8", timeout: COMMAND_DEADLINE_MS });
  released = `${release.stdout}${release.stderr}`;
  if (release.status !== 0) throw new Error(`pnpm release failed (${release.error?.message ?? `exit ${release.status}`}):\n${released}`);
}, commandsDeadline(5)); // install, build, save-released, changeset, release
afterAll(() => {
  copy?.remove();
  rmSync(scratch, { recursive: true, force: true });
});

/** The packed tarball of `name` at the released version, unpacked into the scratch project's node_modules. */
function install(name: "spec" | "types" | "client"): string {
  const tarball = join(copy.root, ".release", `modelarts-pools-${name}-0.1.0.tgz`);
  const into = join(scratch, "node_modules", "@modelarts-pools", name);
  mkdirSync(into, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", into, "--strip-components=1"]);
  return into;
}

describe("pnpm release after a spec edit and a minor changeset", () => {
  it("versions the group as 0.1.0 and verifies what it packed", () => {
    expect(released).toContain("[release] version 0.1.0 packed into .release/");
    expect(released).toMatch(/the packed set \(0\.1\.0\) — ok/);
  });

  it("packs the spec and the types with the new property", () => {
    const spec = JSON.parse(readFileSync(join(install("spec"), "dist", "openapi.json"), "utf8"));
    expect(spec.info.version).toBe("0.1.0");
    expect(spec.components.schemas.PoolSpecCreation.properties.releaseNote).toEqual({ type: "string", description: "A note kept with the pool." });
    const declarations = readFileSync(join(install("types"), "dist", "generated", "openapi.d.ts"), "utf8");
    expect(declarations).toMatch(/PoolSpecCreation: \{[^}]*releaseNote\?: string;/);
  });

  it("packs a client whose re-exported request type takes the property (compiled by tsc against the tarballs)", () => {
    install("types");
    const client = install("client");
    expect(JSON.parse(readFileSync(join(client, "package.json"), "utf8")).dependencies["@modelarts-pools/types"]).toBe("0.1.0");
    // The client's one runtime dependency, from the copy's install (no network).
    symlinkSync(realpathSync(join(copy.root, "packages", "client", "node_modules", "openapi-fetch")), join(scratch, "node_modules", "openapi-fetch"));
    writeFileSync(
      join(scratch, "probe.ts"),
      [
        'import type { CreatePoolRequest } from "@modelarts-pools/client";',
        'export const spec: CreatePoolRequest["spec"] = {',
        '  type: "Dedicate", scope: ["Train"], network: { name: "net-1" }, resources: [{ flavor: "f", count: 1 }],',
        '  releaseNote: "kept with the pool",',
        "};",
      ].join("\n"),
    );
    const options = { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", noEmit: true, types: [] };
    writeFileSync(join(scratch, "tsconfig.json"), JSON.stringify({ compilerOptions: options, files: ["probe.ts"] }));
    writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "probe", private: true, type: "module" }));
    const tsc = spawnSync(join(copy.root, "node_modules", ".bin", "tsc"), ["-p", scratch], { encoding: "utf8" });
    expect(tsc.status, `${tsc.stdout}${tsc.stderr}`).toBe(0);
  });
});

describe("the release tool's commands after the release", () => {
  it("`node tools/release/dist/cli.js check` finds no difference since the release just made", () => {
    expect(runIn(copy.root, ...commandLine("node tools/release/dist/cli.js check"))).toContain("no API difference since the last release (0.1.0)");
  });

  it("`node tools/release/dist/cli.js diff A.json B.json` classifies the released spec against the built one", () => {
    const output = runIn(copy.root, ...commandLine("node tools/release/dist/cli.js diff tools/release/released/openapi.json spec/dist/openapi.json"));
    expect(output).toContain("needs: none");
  });

  it("`node tools/release/dist/cli.js check-packages` finds the released tarballs whole and in step", () => {
    const output = runIn(copy.root, ...commandLine("node tools/release/dist/cli.js check-packages --tarballs .release"));
    expect(output).toContain("the packed set (0.1.0) — ok");
    expect(output).toMatch(/@modelarts-pools\/types: [\d.]+ kB packed, 6 files — ok\n/);
  });

  it("`node scripts/release.mjs --only version` runs that one step: nothing is pending, so no version moves", () => {
    const output = runIn(copy.root, ...commandLine("node scripts/release.mjs --only version"));
    expect(output).toContain("[release]");
    expect(JSON.parse(readFileSync(join(copy.root, "spec", "package.json"), "utf8")).version).toBe("0.1.0");
  });
});
