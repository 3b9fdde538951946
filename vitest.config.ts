import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineConfig } from "vitest/config";
import { seededRandom } from "@modelarts-pools/test-support";
import { maxWorkers } from "./scripts/lib/vitest-project.mjs";

// The tier that runs the product as users get it (a repo copy, packed tarballs, Chromium, another Node major) is
// the files named *.e2e.test.ts; `pnpm test:quick` leaves them out. They start first, and the longest of them before
// any other: vitest orders files by project name, then (with no times of a last run, as on a fresh clone) by size,
// which started the repo copy's file, the longest by far, after the rest of the tier, and the suite then ended with
// it running alone on one core.
export const startFirst = [
  "scripts/test/repo-copy.e2e.test.ts", // installs and builds a copy of the repo, then runs the Quick start, pnpm dev and a release in it
  "apps/docs/test/page.e2e.test.ts", // reads the docs page in Chromium, one tab per operation
  "scripts/test/pack-all.e2e.test.ts", // installs the packed packages from the registry
];
const rank = (spec: TestSpecification) => {
  const listed = startFirst.findIndex((file) => spec.moduleId.endsWith(`/${file}`));
  if (listed >= 0) return listed;
  return spec.moduleId.endsWith(".e2e.test.ts") ? startFirst.length : startFirst.length + 1;
};

class LongestFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { shuffle, seed } = this.ctx.config.sequence;
    // `--sequence.shuffle` (pnpm test:soak) must still shuffle the files, which vitest leaves to a sequencer of ours.
    if (shuffle) {
      const { next: random } = seededRandom(seed);
      // From one order of the files whatever order they were found in, so that a seed names one shuffle (a failing
      // soak round can be run again with its seed).
      const order = [...files].sort((a, b) => (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0));
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      return order;
    }
    // Within a rank vitest's own order stays: by project, then the longest (or, on a fresh clone, largest) file first.
    const sorted = (await super.sort(files)).map((spec, index) => ({ spec, index }));
    return sorted.sort((a, b) => rank(a.spec) - rank(b.spec) || a.index - b.index).map(({ spec }) => spec);
  }
}

// One vitest run over every workspace package; each keeps its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ["spec", "packages/*", "apps/*", "tools/*", "scripts"],
    // One folder per run for the fixtures test files share (scripts/lib/fixtures): each is made by the first file
    // that needs it, so a run that needs none (pnpm test:quick) makes none.
    globalSetup: ["./scripts/lib/fixtures/run-scope.mjs"],
    // One file per core (why: scripts/lib/vitest-project.mjs, which gives each project the same).
    maxWorkers,
    sequence: { sequencer: LongestFilesFirst },
  },
});
