import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const dist = fileURLToPath(new URL("../dist", import.meta.url));

describe("the built package", () => {
  test("has no runtime code: every .js file is an empty module", async () => {
    const files = (await readdir(dist, { recursive: true })).filter((file) => file.endsWith(".js"));
    expect(files).toContain("index.js");
    for (const file of files) {
      const code = (await readFile(join(dist, file), "utf8")).replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "").trim();
      expect(code, file).toBe("export {};");
    }
  });

  test("declares the friendly names next to paths, components and operations", async () => {
    const declarations = await readFile(join(dist, "generated/openapi.d.ts"), "utf8");
    for (const name of ["Pool", "PoolStatus", "PoolPhase", "CreatePoolRequest", "UpdatePoolRequest", "ModelArtsError", "PoolDriver", "PoolNodeAz"]) {
      expect(declarations).toMatch(new RegExp(`export type ${name} = `));
    }
    expect(declarations).toMatch(/export interface paths /);
    expect(declarations).toMatch(/export interface operations /);
  });
});
