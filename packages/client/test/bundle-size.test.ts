import { describe, expect, test } from "vitest";
import { browserBundle, entries, perOperationBytes, specWithOneMoreOperation } from "../scripts/browser-bundle.mjs";

const fromOpenapiFetch = (input: string) => /node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?openapi-fetch\//.test(input);

describe("the browser bundle of the main entry (esbuild, minified, gzipped)", () => {
  test(`stays within ${entries.main.budgetBytes} bytes (a base, and ${perOperationBytes} for each operation of the spec)`, async () => {
    const { gzippedBytes } = await browserBundle("main");
    expect(gzippedBytes).toBeLessThanOrEqual(entries.main.budgetBytes);
  });

  test("carries no openapi-fetch: that is the ./raw entry's", async () => {
    const { inputs } = await browserBundle("main");
    expect(inputs.some((input) => input.endsWith("src/client.ts"))).toBe(true);
    expect(inputs.filter(fromOpenapiFetch)).toEqual([]);
  });

  test("needs nothing from Node: no node: imports, no require, no Buffer", async () => {
    const { code } = await browserBundle("main");
    expect(code).not.toMatch(/["']node:|\brequire\(|\bBuffer\b/);
  });
});

describe("the browser bundle of the main entry with ./raw (openapi-fetch included)", () => {
  test(`stays within ${entries["main+raw"].budgetBytes} bytes`, async () => {
    const { gzippedBytes, inputs } = await browserBundle("main+raw");
    expect(inputs.some(fromOpenapiFetch)).toBe(true);
    expect(gzippedBytes).toBeLessThanOrEqual(entries["main+raw"].budgetBytes);
  });

  test("needs nothing from Node either", async () => {
    const { code } = await browserBundle("main+raw");
    expect(code).not.toMatch(/["']node:|\brequire\(|\bBuffer\b/);
  });
});

describe("what one more operation of the spec costs the main bundle", () => {
  test(`at most ${perOperationBytes} bytes, for a paged operation (a method and an iterator)`, async () => {
    const [now, more] = await Promise.all([browserBundle("main"), browserBundle("main", specWithOneMoreOperation())]);
    expect(more.code).toContain("listPoolProbes");
    expect(more.gzippedBytes - now.gzippedBytes).toBeLessThanOrEqual(perOperationBytes);
  });
});
