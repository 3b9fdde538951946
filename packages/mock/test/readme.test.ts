// The README's example of a user's own test suite is test/example-suite.test.ts, which runs with the mock's tests:
// the block shown is that file as it is, so the example cannot drift from code that passes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const example = readFileSync(new URL("./example-suite.test.ts", import.meta.url), "utf8");

describe("the README's example test suite", () => {
  it("is test/example-suite.test.ts, as it is", () => {
    const shown = /\(test\/example-suite\.test\.ts\)[^\n]*\n\n```ts\n([\s\S]*?)```\n/.exec(readme)?.[1];
    expect(shown).toBe(example);
  });
});
