// How the whole suite is run, read from the config vitest resolves (not from our own objects): every project runs
// one file per core, and the files start in the order that ends the run soonest on two cores. Both once went wrong
// without a test failing: the projects did not get the root config's worker count (vitest 5 gives each project its
// own default, one fewer than the cores), and the whole suite ran one file at a time (232 s of vitest where two at a
// time take 159 s).
import { availableParallelism } from "node:os";
import { join, relative } from "node:path";
import { Writable } from "node:stream";
import { createVitest, type TestSequencerConstructor, type Vitest } from "vitest/node";
import { afterEach, describe, expect, it } from "vitest";
import { startFirst } from "../../vitest.config.js";
import { repo } from "../lib/repo-copy.mjs";

let vitest: Vitest | undefined;
afterEach(async () => {
  await vitest?.close();
  vitest = undefined;
});

/** The suite as `npm test` would run it, resolved but not started; vitest's notices go nowhere. */
async function resolvedSuite(options: Parameters<typeof createVitest>[1] = {}): Promise<Vitest> {
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  vitest = await createVitest("test", { root: repo, config: join(repo, "vitest.config.ts"), watch: false, ...options }, {}, { stdout: quiet, stderr: quiet });
  return vitest;
}

/** The suite's files in the order the configured sequencer starts them, as paths from the repo's root. */
async function startOrder(suite: Vitest): Promise<string[]> {
  const Sequencer = suite.config.sequence.sequencer as TestSequencerConstructor;
  const specifications = await suite.globTestSpecifications();
  const sorted = await new Sequencer(suite).sort(specifications);
  return sorted.map((specification) => relative(repo, specification.moduleId));
}

describe("the whole suite's run", () => {
  it("runs one file per core in every project", async () => {
    const suite = await resolvedSuite();
    expect(suite.projects.length).toBeGreaterThan(5);
    const workers = Object.fromEntries(suite.projects.map((project) => [project.name, project.config.maxWorkers]));
    expect(workers).toEqual(Object.fromEntries(suite.projects.map((project) => [project.name, availableParallelism()])));
  });

  it("starts the longest files first, then the rest of the end-to-end tier, then the in-process tier", async () => {
    const order = await startOrder(await resolvedSuite());
    expect(order.slice(0, startFirst.length)).toEqual(startFirst);
    const endToEnd = order.map((file) => file.endsWith(".e2e.test.ts"));
    const lastEndToEnd = endToEnd.lastIndexOf(true);
    expect(endToEnd.indexOf(false), "the first in-process file").toBeGreaterThan(lastEndToEnd);
    expect(order.filter((file) => file.endsWith(".e2e.test.ts")).length).toBeGreaterThan(startFirst.length);
  });

  it("shuffles every file with --sequence.shuffle, the same way for the same seed (pnpm test:soak)", async () => {
    const shuffled = async (seed: number) => {
      const order = await startOrder(await resolvedSuite({ sequence: { shuffle: true, seed } }));
      await vitest?.close();
      vitest = undefined;
      return order;
    };
    const [first, again, other] = [await shuffled(7), await shuffled(7), await shuffled(8)];
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect([...other].sort()).toEqual([...first].sort());
    expect(first.slice(0, startFirst.length)).not.toEqual(startFirst);
  });
});
