// The vitest project of each workspace package: its test files, the repo's deadlines (deadlines.mjs), and whether its
// files share the modules they import. A package whose tests run in this process only (pure functions, servers on
// loopback, no module that keeps state between tests) shares them: each file then costs its own code, not a fresh
// import of Prism, ajv and the spec (about half the in-process tier's time). The packages whose tests change
// process-wide things keep each file apart.
import { deadlines } from "./deadlines.mjs";

/** @param {string} name @param {{ sharesModules?: boolean } & Record<string, unknown>} [options] extra `test` options */
export function vitestProject(name, { sharesModules = false, ...test } = {}) {
  return { test: { name, include: ["test/**/*.test.ts"], ...deadlines, isolate: !sharesModules, ...test } };
}
