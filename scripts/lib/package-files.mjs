// Which files of a package its users can reach: the targets of `exports` (every condition), `types`, `main` and `bin`,
// and everything those load through relative imports (a declaration file's imports name declaration files). The
// published packages' builds prune the rest of dist/ (tsc emits a .d.ts for every internal module, which no public
// declaration names), and the release tooling checks each packed tarball against the same rule.
//
//   node <repo>/scripts/lib/package-files.mjs --prune   in a package folder: delete what nothing reaches from dist/
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, posix, relative } from "node:path";
import { pathToFileURL } from "node:url";

/** Every file target named by `exports` (any condition), `types`, `main` and `bin`, normalized (`dist/index.js`). */
export function entryFiles(manifest) {
  const targets = [];
  const collect = (node) => {
    if (typeof node === "string") targets.push(node);
    else if (node && typeof node === "object") for (const value of Object.values(node)) collect(value);
  };
  for (const field of [manifest.exports, manifest.types, manifest.main, manifest.bin]) collect(field);
  return [...new Set(targets.map((target) => posix.normalize(target)))];
}

// `from "./x.js"`, `import "./x.js"`, `import("./x.js")`: the relative modules a compiled file loads.
const relativeSpecifier = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.\.?\/[^"']+)["']/g;

/** The entry files of the package in `dir` and everything they load through relative imports. */
export function reachableFiles(dir, manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))) {
  const reached = new Set();
  const visit = (file) => {
    if (reached.has(file)) return;
    reached.add(file);
    const path = join(dir, file);
    if (!/\.(m?js|d\.m?ts)$/.test(file) || !existsSync(path)) return;
    const declaration = /\.d\.m?ts$/.test(file);
    for (const [, specifier] of readFileSync(path, "utf8").matchAll(relativeSpecifier)) {
      const target = posix.normalize(posix.join(posix.dirname(file), specifier));
      visit(declaration ? target.replace(/\.(m?)js$/, ".d.$1ts") : target);
    }
  };
  for (const entry of entryFiles(manifest)) visit(entry);
  return reached;
}

/** Every file under `folder`, relative to `base`, with `/` separators. */
export function filesUnder(base, folder = base) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory() ? filesUnder(base, path) : [relative(base, path).split("\\").join("/")];
  });
}

/** Deletes the files of `dir`/dist that nothing reaches; returns them. */
export function pruneUnreachable(dir) {
  const reachable = reachableFiles(dir);
  const pruned = filesUnder(dir, join(dir, "dist")).filter((file) => !reachable.has(file));
  for (const file of pruned) rmSync(join(dir, file));
  return pruned;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href && process.argv.includes("--prune")) pruneUnreachable(process.cwd());
