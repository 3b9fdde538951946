// RFC 7396 semantics, directly: the HTTP tests cannot send null, which the update schema refuses.
import { describe, expect, it } from "vitest";
import { mergePatch } from "../src/merge-patch.js";

describe("mergePatch", () => {
  it("merges objects key by key and deletes keys patched with null", () => {
    expect(mergePatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: null, e: 4 }, f: 5 })).toEqual({ a: 1, b: { d: 3, e: 4 }, f: 5 });
  });

  it("replaces arrays whole, and anything with a patch that is not an object", () => {
    expect(mergePatch({ list: [1, 2, 3] }, { list: [9] })).toEqual({ list: [9] });
    expect(mergePatch({ a: 1 }, [1])).toEqual([1]);
    expect(mergePatch("text", { a: 1 })).toEqual({ a: 1 });
  });

  it("leaves the target untouched", () => {
    const target = { a: { b: 1 } };
    mergePatch(target, { a: { b: 2 } });
    expect(target).toEqual({ a: { b: 1 } });
  });
});
