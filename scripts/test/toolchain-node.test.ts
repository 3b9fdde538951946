// Which Node the tools run on, and which releases count as a supported major: the rules the root scripts decide by
// before they fetch a Node 24 (scripts/lib/toolchain-node.mjs, supported-node.mjs).
import { delimiter } from "node:path";
import { describe, expect, it } from "vitest";
import { atLeastInMajor, majorOf, SUPPORTED_NODE } from "../lib/supported-node.mjs";
import { pathWith, toolchainRunsOn } from "../lib/toolchain-node.mjs";

describe("toolchainRunsOn", () => {
  it.each([
    ["v24.18.0", true],
    ["v24.21.3", true],
    ["v26.1.0", true],
    ["v24.17.9", false],
    ["v20.20.2", false],
    ["v22.12.0", false],
    ["v25.2.0", false],
    ["v23.11.0", false],
  ])("%s → %s", (version, runs) => {
    expect(toolchainRunsOn(version)).toBe(runs);
  });

  it("the Node running the suite is one (npm test moved onto it)", () => {
    expect(toolchainRunsOn(process.version), process.version).toBe(true);
  });
});

describe("atLeastInMajor", () => {
  it("holds from the minimum to the end of its major, and never for another major", () => {
    expect(atLeastInMajor("v20.19.0", SUPPORTED_NODE[20]!)).toBe(true);
    expect(atLeastInMajor("20.20.2", SUPPORTED_NODE[20]!)).toBe(true);
    expect(atLeastInMajor("v20.18.3", SUPPORTED_NODE[20]!)).toBe(false);
    expect(atLeastInMajor("v22.0.0", SUPPORTED_NODE[20]!)).toBe(false);
    expect(atLeastInMajor("v24.18.0", "24.18.0")).toBe(true);
    expect(atLeastInMajor("v24.9.0", "24.18.0")).toBe(false);
    expect(atLeastInMajor(undefined, "24.18.0")).toBe(false);
    expect(atLeastInMajor("not a version", "24.18.0")).toBe(false);
  });

  it("reads the major of a version with or without its v", () => {
    expect([majorOf("v24.1.0"), majorOf("20.19.0"), majorOf("x")]).toEqual([24, 20, Number.NaN]);
  });
});

describe("pathWith", () => {
  it("puts the folder of the given node first", () => {
    expect(pathWith("/opt/node24/bin/node", `/usr/bin${delimiter}/bin`)).toBe(`/opt/node24/bin${delimiter}/usr/bin${delimiter}/bin`);
  });
});
