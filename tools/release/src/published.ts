// The packages a release publishes (the changesets fixed group) and the one check each must pass, run by `lint` on
// freshly packed tarballs and by `pnpm release` on the tarballs it is about to hand over.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixedGroup } from "./changesets.js";
import { engineProblems } from "./engines.js";
import { inStepProblems } from "./in-step.js";
import { layout } from "./repo.js";
import { contentProblems, linterProblems, pack, tarballName, unpack, type Manifest, type Unpacked } from "./tarball.js";

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
 * LICENSE, README, engines, publint, arethetypeswrong, and the engines of its installed runtime dependencies; then
 * checks that the tarballs are one release (versions, sibling dependencies, types generated from the packed spec).
 */
export async function checkPublished(root: string, options: { tarballs?: string } = {}): Promise<PackageReport[]> {
  const nodeRange = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Manifest).engines?.node ?? "(none)";
  const version = (JSON.parse(readFileSync(layout(root).specPackage, "utf8")) as Manifest).version;
  const scratch = mkdtempSync(join(tmpdir(), "packed-"));
  const unpacked = new Map<string, Unpacked>();
  try {
    // Packed one after another (pnpm pack is quick); linted side by side (publint and attw are the slow part).
    const reports = await Promise.all(
      (await publishedPackages(root)).map(async ({ name, dir }): Promise<PackageReport> => {
        const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
        const tarball = options.tarballs ? join(options.tarballs, tarballName(manifest)) : pack(dir, scratch);
        if (!existsSync(tarball)) return { name, tarball, bytes: 0, files: [], problems: [`${tarball} is missing: nothing was packed for ${name} ${manifest.version}`] };
        const contents = unpack(tarball);
        unpacked.set(name, contents);
        const problems = [...contentProblems(contents, nodeRange), ...(await linterProblems(tarball, contents.manifest)), ...engineProblems(dir)];
        return { name, tarball, bytes: statSync(tarball).size, files: contents.files, problems };
      }),
    );
    reports.push({ name: `the packed set (${version})`, tarball: "", bytes: 0, files: [], problems: inStepProblems(root, version, unpacked) });
    return reports;
  } finally {
    for (const contents of unpacked.values()) contents.remove();
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function describeReports(reports: readonly PackageReport[]): string {
  return reports
    .map((report) => {
      const head = report.tarball ? `${report.name}: ${(report.bytes / 1024).toFixed(1)} kB packed, ${report.files.length} files` : report.name;
      if (report.problems.length === 0) return [`${head} — ok`, ...report.files.map((file) => `  ${file}`)].join("\n");
      return `${head} — ${report.problems.length} problem(s):\n${report.problems.map((problem) => `  - ${problem}`).join("\n")}`;
    })
    .join("\n");
}
