// What the root scripts need to know about the workspace: its packages, as pnpm-workspace.yaml lists them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The workspace packages (folders relative to `repo`) that have a build script but no dist/ yet. */
export function missingBuilds(repo) {
  const workspace = readFileSync(join(repo, "pnpm-workspace.yaml"), "utf8");
  const globs = [...(/^packages:\n((?:\s+-.*\n)+)/m.exec(workspace)?.[1] ?? "").matchAll(/-\s*(\S+)/g)].map((match) => match[1]);
  const dirs = globs.flatMap((glob) =>
    glob.endsWith("/*")
      ? readdirSync(join(repo, glob.slice(0, -2)), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => `${glob.slice(0, -2)}/${entry.name}`)
      : [glob],
  );
  return dirs.filter((dir) => {
    const manifest = join(repo, dir, "package.json");
    return existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).scripts?.build && !existsSync(join(repo, dir, "dist"));
  });
}
