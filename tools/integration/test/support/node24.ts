// A Node 24 binary for the consumer test, from the `node` package of the npm registry, installed once into the
// repo's node_modules/.cache so a fresh machine gets it without any setup step.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const exec = promisify(execFile);

const cacheDir = fileURLToPath(new URL("../../../../node_modules/.cache/node24", import.meta.url));
const binary = `${cacheDir}/node_modules/.bin/node`;

async function version(): Promise<string | undefined> {
  try {
    return (await exec(binary, ["--version"], { encoding: "utf8", timeout: 10_000 })).stdout.trim();
  } catch {
    return undefined;
  }
}

export async function ensureNode24(installTimeoutMs = 180_000): Promise<string> {
  if (existsSync(binary) && (await version())?.startsWith("v24.")) return binary;
  // The package's preinstall fetches the platform binary, so scripts must run for this one install.
  await exec(
    "npm",
    ["install", "--prefix", cacheDir, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--ignore-scripts=false", "node@24"],
    { timeout: installTimeoutMs },
  );
  const installed = await version();
  if (!installed?.startsWith("v24.")) throw new Error(`node@24 from npm gave ${installed ?? "no working binary"} at ${binary}`);
  return binary;
}
