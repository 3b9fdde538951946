export { classify, type Classification } from "./classify.js";
export { describe, type Difference, type Rule } from "./differences.js";
export { fixedGroup, pendingBump } from "./changesets.js";
export { readSpec, runGate, type GateResult } from "./gate.js";
export { readReleased, writeReleased } from "./released.js";
export { syncSpecVersion, readPackageVersion } from "./spec-version.js";
export { rank, strongest, type Bump, type Level } from "./levels.js";
