// Are the packed tarballs one release? Each carries the version being released, depends on its siblings at exactly
// that version, the packed spec says that version in info.version, and the packed types are what the packed spec
// generates: the spec's bundle is run through the types package's own generator and compiler, and the declarations
// must equal the ones in the types tarball. A release that packed a stale build is refused, naming the stale part.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { specPackage } from "./changesets.js";
import type { Unpacked } from "./tarball.js";

const typesPackage = "@modelarts-pools/types";

/** Problems of a set of unpacked tarballs meant to be released together as `version`. */
export function inStepProblems(root: string, version: string, unpacked: ReadonlyMap<string, Unpacked>): string[] {
  const problems: string[] = [];
  for (const [name, { manifest }] of unpacked) {
    if (manifest.version !== version) problems.push(`${name} is packed as ${manifest.version}, not ${version}`);
    for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
      if (unpacked.has(dependency) && range !== version) problems.push(`${name} depends on ${dependency}@${range}, not on the ${version} packed beside it`);
    }
  }
  const spec = unpacked.get(specPackage);
  const types = unpacked.get(typesPackage);
  if (!spec || !types) return [...problems, `${spec ? typesPackage : specPackage} was not packed`];

  const bundle = join(spec.dir, "dist", "openapi.json");
  const specVersion = (JSON.parse(readFileSync(bundle, "utf8")) as { info?: { version?: string } }).info?.version;
  if (specVersion !== version) problems.push(`${specPackage}'s dist/openapi.json says info.version ${specVersion}, not ${version}: its bundle is stale`);

  const fresh = typesOf(root, bundle);
  for (const [file, text] of fresh) {
    if (readText(join(types.dir, file)) !== text) {
      problems.push(`${typesPackage}'s ${file} is not what ${specPackage} ${version}'s openapi.json generates: the types are stale`);
    }
  }
  return problems;
}

const declarations = ["dist/index.d.ts", "dist/generated/openapi.d.ts"];
const readText = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : undefined);

/** The types package's declarations as built from `bundle` by its own generator and tsconfig, in a scratch folder. */
function typesOf(root: string, bundle: string): Map<string, string | undefined> {
  const types = join(root, "packages", "types");
  const scratch = mkdtempSync(join(tmpdir(), "types-of-"));
  try {
    mkdirSync(join(scratch, "src", "generated"), { recursive: true });
    copyFileSync(join(types, "src", "index.ts"), join(scratch, "src", "index.ts"));
    const generated = join(scratch, "src", "generated", "openapi.ts");
    execFileSync(process.execPath, [join(types, "scripts", "generate.mjs"), "--spec", bundle, "--out", generated], { stdio: "pipe" });
    const tsconfig = { extends: join(types, "tsconfig.json"), compilerOptions: { rootDir: "src", outDir: "dist" }, include: ["src"] };
    writeFileSync(join(scratch, "tsconfig.json"), JSON.stringify(tsconfig));
    execFileSync(join(root, "node_modules", ".bin", "tsc"), ["-p", scratch], { stdio: "pipe" });
    return new Map(declarations.map((file) => [file, readText(join(scratch, file))]));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
