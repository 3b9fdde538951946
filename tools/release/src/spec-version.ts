import { readFile, writeFile } from "node:fs/promises";
import { parse } from "yaml";
import { isObject } from "@modelarts-pools/spec/openapi";
import { deepEqual } from "./resolve.js";

export async function readPackageVersion(packageJson: string): Promise<string> {
  const { version } = JSON.parse(await readFile(packageJson, "utf8")) as { version?: unknown };
  if (typeof version !== "string") throw new Error(`${packageJson} has no version`);
  return version;
}

/**
 * Writes `version` into `info.version` of the spec's root YAML, changing that one line only, so comments and
 * layout of the hand-written file survive. Returns whether the file changed.
 */
export async function syncSpecVersion(specPath: string, version: string): Promise<boolean> {
  const text = await readFile(specPath, "utf8");
  const before = parse(text) as unknown;
  if (!isObject(before) || !isObject(before.info)) throw new Error(`${specPath} has no info object`);
  if (before.info.version === version) return false;

  const lines = text.split("\n");
  const info = lines.findIndex((line) => /^info:\s*(#.*)?$/.test(line));
  let target = -1;
  for (let i = info + 1; info >= 0 && i < lines.length && !/^\S/.test(lines[i] ?? ""); i++) {
    if (/^ {2}version:/.test(lines[i] ?? "")) target = i;
  }
  if (target < 0) throw new Error(`${specPath}: found no "  version:" line directly under "info:"`);
  const value = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version) ? version : JSON.stringify(version);
  lines[target] = `  version: ${value}`;
  const next = lines.join("\n");

  // The edit must change info.version and nothing else.
  const after = parse(next) as unknown;
  const expected = { ...before, info: { ...before.info, version } };
  if (!deepEqual(after, expected)) throw new Error(`${specPath}: rewriting info.version would change more than the version`);
  await writeFile(specPath, next);
  return true;
}
