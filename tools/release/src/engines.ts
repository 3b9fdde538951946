// Does every runtime dependency of a published package run on the Node versions the package promises? Walks the
// installed tree the way Node resolves it (each package's `dependencies` and installed `optionalDependencies`, found
// in the nearest node_modules upwards from the package's real folder, which is how pnpm's layout is read too) and
// compares each dependency's `engines.node` with the package's own.
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import semver from "semver";

export interface InstalledPackage {
  name: string;
  version: string;
  /** The package's own `engines.node`, or undefined when it makes no claim. */
  node: string | undefined;
  /** How it was reached from the published package: `@modelarts-pools/mock > @stoplight/prism-http@5.16.0 > …`. */
  path: string[];
}

interface PackageJson {
  name: string;
  version: string;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageJson;

function installedDir(from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/** Every runtime dependency installed for `packageDir`, transitively, each once (the first path that reached it). */
export function runtimeDependencies(packageDir: string): InstalledPackage[] {
  const root = readManifest(packageDir);
  const found = new Map<string, InstalledPackage>();
  const visit = (dir: string, manifest: PackageJson, path: string[]) => {
    for (const [name, range] of Object.entries({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      const depDir = installedDir(dir, name);
      if (!depDir) {
        // An optional dependency for another platform is legitimately absent; a required one is a broken install.
        if (manifest.optionalDependencies?.[name] !== undefined) continue;
        throw new Error(`${[...path, name].join(" > ")} (${range}) is not installed: run pnpm install`);
      }
      const dep = readManifest(depDir);
      const key = `${dep.name}@${dep.version}`;
      if (found.has(key)) continue;
      const entry = { name: dep.name, version: dep.version, node: dep.engines?.node, path: [...path, key] };
      found.set(key, entry);
      visit(depDir, dep, entry.path);
    }
  };
  visit(realpathSync(packageDir), root, [root.name]);
  return [...found.values()];
}

/**
 * The dependencies whose `engines.node` does not admit the package's own range. The rule is `semver.subset(own,
 * theirs)`: every Node version the package says it runs on must be one the dependency says it runs on (a dependency
 * that admits only some of them, such as ">=24.18" under ">=20.19", or "^20 || >=22" that leaves out 21, fails).
 * A dependency without `engines.node` makes no claim and passes.
 */
export function engineProblems(packageDir: string): string[] {
  const own = readManifest(packageDir).engines?.node;
  if (!own) return [`${readManifest(packageDir).name} declares no engines.node`];
  return runtimeDependencies(packageDir)
    .filter((dep) => dep.node !== undefined && !semver.subset(own, dep.node, { includePrerelease: false }))
    .map((dep) => `${dep.path.join(" > ")} declares node ${dep.node}, which does not admit all of ${own}`);
}
