import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
export const tool = join(repo, "tools", "release");
export const cli = join(tool, "dist", "cli.js");

/** The release tool's CLI is its built dist/cli.js; build it when a bare vitest run comes before any build. */
export function ensureBuilt(): void {
  if (!existsSync(cli)) execFileSync(join(tool, "node_modules", ".bin", "tsc"), ["-p", join(tool, "tsconfig.json")]);
}

/**
 * A temp copy of what the release steps read: the workspace manifests, the changesets, the spec's sources and the
 * released spec. No node_modules: tools run from the real repo with `--root` pointing here. The pending changesets
 * are replaced by `changesets` (id → bump of the spec), so tests do not depend on what is pending in the repo.
 */
export function copyRepo(changesets: Record<string, string>): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), "release-tools-"));
  const copy = (path: string) => cpSync(join(repo, path), join(root, path), { recursive: true });
  for (const file of ["package.json", "pnpm-workspace.yaml", ".changeset", "spec/package.json", "spec/openapi.yaml", "spec/redocly.yaml", "spec/paths", "spec/components", "tools/release/package.json", "tools/release/released"]) {
    copy(file);
  }
  for (const folder of ["packages", "apps"]) {
    for (const name of readdirSync(join(repo, folder))) {
      if (existsSync(join(repo, folder, name, "package.json"))) copy(join(folder, name, "package.json"));
    }
  }
  for (const file of readdirSync(join(root, ".changeset"))) {
    if (file.endsWith(".md") && file !== "README.md") rmSync(join(root, ".changeset", file));
  }
  for (const [id, bump] of Object.entries(changesets)) writeChangeset(root, id, bump);
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Bundles the copy's spec the way the spec package's build does, with the real redocly CLI. */
export function bundleSpec(root: string): string {
  const output = join(root, "spec", "dist", "openapi.json");
  execFileSync(join(tool, "node_modules", ".bin", "redocly"), ["bundle", "openapi.yaml", "--output", output], {
    cwd: join(root, "spec"),
    stdio: "pipe",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  return output;
}

export function writeChangeset(root: string, id: string, bump: string): void {
  writeFileSync(join(root, ".changeset", `${id}.md`), `---\n"@modelarts-pools/spec": ${bump}\n---\n\n${id}: a change for the test.\n`);
}
