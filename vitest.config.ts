import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineConfig } from "vitest/config";

// The tier that runs the product as users get it (a repo copy, packed tarballs, Chromium, another Node major) is
// the files named *.e2e.test.ts; `pnpm test:quick` leaves them out. They start first: vitest orders files by
// project name, which started some of them last, and on two cores the suite then ended with one long file alone.
const rank = (spec: TestSpecification) => (spec.moduleId.endsWith(".e2e.test.ts") ? 0 : 1);

/** A generator of numbers in [0, 1) from a seed (mulberry32): the same seed gives the same shuffle. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class SlowProjectsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { shuffle, seed } = this.ctx.config.sequence;
    // `--sequence.shuffle` (pnpm test:soak) must still shuffle the files, which vitest leaves to a sequencer of ours.
    if (shuffle) {
      const random = seeded(seed);
      const order = [...files];
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      return order;
    }
    // Within a tier vitest's own order stays: longest (or, on a fresh clone, largest) file first.
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
    // Vitest's default is one worker fewer than the cores, which on the project's 2-core machine ran every file one
    // after the other. Most of the slow files wait on child processes, so one file per core keeps both cores busy;
    // the deadlines (scripts/lib/deadlines.mjs) were measured with two CPU-bound processes beside the suite, more
    // than the second worker adds.
    maxWorkers: "100%",
    sequence: { sequencer: SlowProjectsFirst },
  },
});
