#!/usr/bin/env node
// The release tool: the gate (`check`), a plain classification (`diff`), the two release steps that keep the spec's
// version and the released copy in step (`sync-spec-version`, `save-released`), and the check of what a release
// publishes (`check-packages`).
import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { isObject } from "@modelarts-pools/spec/openapi";
import { classify } from "./classify.js";
import { describe } from "./differences.js";
import { readSpec, runGate } from "./gate.js";
import { pack } from "./tarball.js";
import { readReleased, writeReleased } from "./released.js";
import { checkPublished, describeReports, publishedPackages } from "./published.js";
import { findRoot, layout } from "./repo.js";
import { readPackageVersion, syncSpecVersion } from "./spec-version.js";

const usage = `usage: node tools/release/dist/cli.js <command> [--root DIR]
  check [--spec FILE] [--released FILE]   fail when pending changesets ask for less than the spec's differences need
  diff BEFORE AFTER                        classify the differences between two bundled specs
  sync-spec-version                        write spec/package.json's version into info.version of spec/openapi.yaml
  save-released [--initial]                keep the working spec as the last released one (run by pnpm release)
  pack --out DIR                           pack each published package into DIR (pnpm pack)
  check-packages [--tarballs DIR]          pack each published package (or read DIR's tarballs) and check what it holds,
                                           its LICENSE, README and engines, publint --strict, arethetypeswrong, and the
                                           engines of its installed runtime dependencies`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    root: { type: "string" },
    spec: { type: "string" },
    released: { type: "string" },
    initial: { type: "boolean", default: false },
    tarballs: { type: "string" },
    out: { type: "string" },
  },
});
const [command, ...rest] = positionals;
const paths = layout(values.root ?? findRoot());

async function main(): Promise<number> {
  switch (command) {
    case "check": {
      const result = await runGate({
        root: paths.root,
        changesetConfig: paths.changesetConfig,
        released: values.released ?? paths.released,
        workingSpec: values.spec ?? paths.workingSpec,
      });
      (result.ok ? console.log : console.error)(result.report);
      return result.ok ? 0 : 1;
    }
    case "diff": {
      const [beforePath, afterPath] = rest;
      if (!beforePath || !afterPath) throw new Error("diff needs two files: BEFORE AFTER");
      const before = await readSpec(beforePath);
      // A released-spec file wraps the document; a bundled spec is the document.
      const document = isObject(before) && "document" in before && "generated" in before ? before.document : before;
      const { level, differences } = classify(document, await readSpec(afterPath));
      console.log(`needs: ${level}`);
      for (const difference of differences) console.log(`  - ${describe(difference)}`);
      return 0;
    }
    case "sync-spec-version": {
      const version = await readPackageVersion(paths.specPackage);
      const changed = await syncSpecVersion(paths.specSource, version);
      console.log(changed ? `spec/openapi.yaml info.version set to ${version}` : `spec/openapi.yaml info.version already ${version}`);
      return 0;
    }
    case "save-released": {
      const version = await readPackageVersion(paths.specPackage);
      const previous = await readReleased(paths.released).catch(() => undefined);
      // Moving the baseline is what makes a change "released": only a version step (or the very first baseline,
      // before anything was released) may do it, never a way to quiet the gate.
      const initial = values.initial && version === "0.0.0" && (previous === undefined || previous.version === "0.0.0");
      if (!initial && previous?.version === version) {
        throw new Error(`the released spec is already version ${version}; run \`pnpm release\` (changeset version) first`);
      }
      await writeReleased(paths.released, version, await readSpec(paths.workingSpec));
      console.log(`kept the working spec as released version ${version} in ${paths.released}`);
      return 0;
    }
    case "pack": {
      if (!values.out) throw new Error("pack needs --out DIR");
      mkdirSync(values.out, { recursive: true });
      for (const { dir } of await publishedPackages(paths.root)) console.log(`packed ${pack(dir, values.out)}`);
      return 0;
    }
    case "check-packages": {
      const reports = await checkPublished(paths.root, { tarballs: values.tarballs });
      const ok = reports.every((report) => report.problems.length === 0);
      (ok ? console.log : console.error)(describeReports(reports));
      return ok ? 0 : 1;
    }
    default:
      console.error(usage);
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`release tool ${command ?? ""}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
