// A vitest reporter that keeps how long each test file took, from its import to its last hook (what a worker spent
// on it), in .vitest/file-durations.json: `npm test` prints the ten slowest from it, so the next person sees where
// the suite's time goes.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

export const durationsFile = (root) => join(root, ".vitest", "file-durations.json");

export default class FileDurationsReporter {
  files = [];

  onInit(vitest) {
    this.root = vitest.config.root;
  }

  onTestModuleEnd(module) {
    const { prepareDuration, collectDuration, setupDuration, duration } = module.diagnostic();
    this.files.push({ file: relative(this.root, module.moduleId), ms: Math.round(prepareDuration + collectDuration + setupDuration + duration) });
  }

  onTestRunEnd() {
    mkdirSync(join(this.root, ".vitest"), { recursive: true });
    writeFileSync(durationsFile(this.root), `${JSON.stringify(this.files.sort((a, b) => b.ms - a.ms), null, 2)}\n`);
  }
}

/** The `count` slowest files of the last run as lines to print ("  94.9 s  scripts/test/…"), or none. */
export function slowestLines(files, count = 10) {
  return files.slice(0, count).map(({ file, ms }) => `  ${(ms / 1000).toFixed(1).padStart(6)} s  ${file}`);
}
