import { describe, expect, test } from "vitest";
import { browserBundle, budgetBytes } from "../scripts/browser-bundle.mjs";

describe("the browser bundle of the client (esbuild, minified, gzipped, openapi-fetch included)", () => {
  test(`stays within ${budgetBytes} bytes`, async () => {
    const { gzippedBytes } = await browserBundle();
    expect(gzippedBytes).toBeLessThanOrEqual(budgetBytes);
  });

  test("needs nothing from Node: no node: imports, no require, no Buffer", async () => {
    const { code } = await browserBundle();
    expect(code).not.toMatch(/["']node:|\brequire\(|\bBuffer\b/);
  });
});
