// The overview's Errors section is the spec's error codes, each with its statuses and the operations that declare
// it, and the client's error classes: every one the client exports, no other.
import * as client from "@modelarts-pools/client";
import { describe, expect, it } from "vitest";
import { clientErrors, declaredErrors, errorsSection } from "../src/errors-section.ts";
import { documentedOperations } from "../src/openapi.ts";
import { errorCodesOf, loadSpec } from "./support/spec.ts";

const spec = loadSpec();
const operations = documentedOperations(spec);

describe("the Errors section", () => {
  it("lists each error code the spec declares once, with the statuses and operations that declare it", () => {
    const declared = declaredErrors(spec, operations);
    expect(declared.map(({ code }) => code)).toEqual(errorCodesOf(spec, operations));
    const notFound = declared.find(({ code }) => code === "ModelArts.50015001")!;
    expect(notFound.statuses).toEqual([404]);
    expect(notFound.operations).toEqual(expect.arrayContaining(["showPool", "updatePool", "deletePool"]));
    const section = errorsSection(spec, operations);
    for (const { code, operations: by } of declared) {
      expect(section).toContain(`| \`${code}\` |`);
      expect(by.length).toBeGreaterThan(0);
    }
  });

  it("names every error class the client exports (but their common base, named once), and no other", () => {
    const exported = Object.keys(client).filter((name) => /^ModelArts\w*Error$/.test(name) && name !== "ModelArtsCallError").sort();
    expect(clientErrors.map(({ name }) => name).sort()).toEqual(exported);
    expect(errorsSection(spec, operations)).toContain("`ModelArtsCallError`");
  });
});
