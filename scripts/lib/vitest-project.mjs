// The vitest project of each workspace package: its test files, the repo's deadlines (deadlines.mjs), how many files
// run at once, and whether its files share the modules they import. A package whose tests run in this process only
// (pure functions, servers on loopback, no module that keeps state between tests) shares them: each file then costs
// its own code, not a fresh import of Prism, ajv and the spec (about half the in-process tier's time). The packages
// whose tests change process-wide things keep each file apart.
import { deadlines } from "./deadlines.mjs";

/**
 * Files at once: one per core. Vitest's default is one fewer than the cores, which on the project's 2-core machine
 * runs every file one after the other; most of the slow files wait on child processes, so one per core keeps both
 * busy (the deadlines were measured with two CPU-bound processes beside the suite, more than the second worker adds).
 * Each project needs it in its own config: vitest 5 gives a project its own default, not the root config's value,
 * and a run whose projects all said 1 ran the whole suite one file at a time (scripts/test/suite-config.test.ts).
 */
export const maxWorkers = "100%";

/** @param {string} name @param {{ sharesModules?: boolean } & Record<string, unknown>} [options] extra `test` options */
export function vitestProject(name, { sharesModules = false, ...test } = {}) {
  return { test: { name, include: ["test/**/*.test.ts"], ...deadlines, maxWorkers, isolate: !sharesModules, ...test } };
}
