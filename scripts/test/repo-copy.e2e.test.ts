// Everything that must change the repo to test it, on one installed and built copy of the repo made once per run:
// the build graph (in-copy/build-graph.ts), the Quick start (quick-start.ts), the dev loop (dev-loop.ts) and the
// release (release.ts). They run one after the other in this file, and each part puts the copy back when it is done
// (git checkout and clean, then a build that is all cache hits), so they pass in any order (pnpm test:soak shuffles).
import { afterAll, beforeAll } from "vitest";
import { commandsDeadline, installedCopy, type InstalledCopy } from "../lib/repo-copy.mjs";
import { buildGraph } from "./in-copy/build-graph.js";
import { devLoop } from "./in-copy/dev-loop.js";
import { quickStart } from "./in-copy/quick-start.js";
import { release } from "./in-copy/release.js";

let copy: InstalledCopy | undefined;
beforeAll(() => {
  copy = installedCopy("repo-copy-");
}, commandsDeadline(2));
afterAll(() => copy?.remove());

const theCopy = (): InstalledCopy => {
  if (!copy) throw new Error("the repo copy was not made (its install or build failed: see beforeAll)");
  return copy;
};

buildGraph(theCopy);
quickStart(theCopy);
devLoop(theCopy);
release(theCopy);
