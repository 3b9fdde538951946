// Where the build writes and the server reads. src/*.ts and their compiled dist/*.js sit one level below the package.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
export const distDir = join(packageRoot, "dist");
export const pagePath = join(distDir, "index.html");
export const decoratedSpecPath = join(distDir, "openapi.json");
