// The packages a release publishes (the changesets fixed group) and the one check each must pass, run by `lint` on
// freshly packed tarballs and by `pnpm release` on the tarballs it is about to hand over.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixedGroup } from "./changesets.js";
import { engineProblems } from "./engines.js";
import { layout } from "./repo.js";
import { contentProblems, linterProblems, pack, tarballName, unpack, type Manifest } from "./tarball.js";

export interface PublishedPackage {
  name: string;
  dir: string;
}

/** The fixed group's packages that are not private, with their folders, as pnpm sees the workspace. */
export async function publishedPackages(root: string): Promise<PublishedPackage[]> {
  const group = await fixedGroup(layout(root).changesetConfig);
  const listed = JSON.parse(execFileSync("pnpm", ["ls", "-r", "--depth", "-1", "--json"], { cwd: root, encoding: "utf8" })) as {
    name: string;
    path: string;
    private?: boolean;
  }[];
  return listed.filter((p) => group.includes(p.name) && !p.private).map((p) => ({ name: p.name, dir: p.path }));
}

export interface PackageReport {
  name: string;
  tarball: string;
  bytes: number;
  files: string[];
  problems: string[];
}

/**
 * Packs each published package (or, given `tarballs`, reads the ones already packed there) and checks it: contents,
 * LICENSE, README, engines, publint, arethetypeswrong, and the engines of its installed runtime dependencies.
 */
export async function checkPublished(root: string, options: { tarballs?: string } = {}): Promise<PackageReport[]> {
  const nodeRange = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Manifest).engines?.node ?? "(none)";
  const scratch = mkdtempSync(join(tmpdir(), "packed-"));
  try {
    const reports: PackageReport[] = [];
    for (const { name, dir } of await publishedPackages(root)) {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
      const tarball = options.tarballs ? join(options.tarballs, tarballName(manifest)) : pack(dir, scratch);
      const unpacked = unpack(tarball);
      try {
        const problems = [...contentProblems(unpacked, nodeRange), ...linterProblems(tarball, unpacked.manifest), ...engineProblems(dir)];
        reports.push({ name, tarball, bytes: statSync(tarball).size, files: unpacked.files, problems });
      } finally {
        unpacked.remove();
      }
    }
    return reports;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function describeReports(reports: readonly PackageReport[]): string {
  return reports
    .map((report) => {
      const head = `${report.name}: ${(report.bytes / 1024).toFixed(1)} kB packed, ${report.files.length} files`;
      if (report.problems.length === 0) return `${head} — ok\n  ${report.files.join("\n  ")}`;
      return `${head} — ${report.problems.length} problem(s):\n${report.problems.map((problem) => `  - ${problem}`).join("\n")}`;
    })
    .join("\n");
}
