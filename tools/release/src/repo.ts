import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** The monorepo root: the nearest folder upwards that holds pnpm-workspace.yaml. */
export function findRoot(from = process.cwd()): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${from}: run inside the modelarts-pools repo or pass --root`);
    dir = parent;
  }
  return dir;
}

/** Where the release tooling reads and writes, relative to a repo root (a temp copy in tests). */
export function layout(root: string) {
  return {
    root,
    specSource: join(root, "spec", "openapi.yaml"),
    specPackage: join(root, "spec", "package.json"),
    workingSpec: join(root, "spec", "dist", "openapi.json"),
    released: join(root, "tools", "release", "released", "openapi.json"),
    changesetConfig: join(root, ".changeset", "config.json"),
  };
}
