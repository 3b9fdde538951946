// The Node the project's tools run on. vitest 5, @changesets/cli 3 and Prism 5.16 need Node 22–24 (Prism: 24.18+),
// while the machines this project is worked on, and many of its users', start with Node 20. So the root scripts
// (`npm test`, `npm start`, `pnpm dev`, `mock`, `bench`, `release`, `test:soak`, `test:quick`, `changeset`) begin with
// `onToolchainNode()`: on an older Node it gets a Node 24 (supported-node.mjs: one on PATH, else from the npm
// registry into .tools/node24), then runs the same script again under it, with that Node first on PATH so that every
// tool the script starts runs on it too, passing SIGINT/SIGTERM on and exiting with its exit code.
// Node built-ins only: it runs before anything is installed.
import { delimiter, dirname } from "node:path";
import { runPassingSignals } from "./child.mjs";
import { atLeastInMajor, ensureNode, SUPPORTED_NODE } from "./supported-node.mjs";

export const TOOLCHAIN_MAJOR = 24;

/** The variable that holds the PATH a script was started with, before it moved onto the toolchain's Node. */
export const MACHINE_PATH = "MODELARTS_POOLS_MACHINE_PATH";

/** Whether the tools run on `version`: 24.18 or a later 24, or any even major from 26 on (what vitest 5 accepts). */
export function toolchainRunsOn(version) {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  return atLeastInMajor(version, SUPPORTED_NODE[TOOLCHAIN_MAJOR]) || (major >= 26 && major % 2 === 0);
}

/** `PATH` with the directory of `node` first, so that `#!/usr/bin/env node` tools and `node` itself run on it. */
export function pathWith(node, path = process.env.PATH ?? "") {
  return `${dirname(node)}${delimiter}${path}`;
}

/**
 * Resolves on the toolchain's Node, with it first on PATH for what the script starts (a `node` earlier on PATH may be
 * another); on another Node, runs this process's script again under the toolchain's and exits as it does.
 */
export async function onToolchainNode() {
  if (toolchainRunsOn(process.version)) {
    process.env.PATH = pathWith(process.execPath);
    return;
  }
  const log = (line) => console.error(`[toolchain] ${line}`);
  let node;
  try {
    node = await ensureNode(TOOLCHAIN_MAJOR, { log });
  } catch (error) {
    log(`the tools need Node ${SUPPORTED_NODE[TOOLCHAIN_MAJOR]} or a later 24 and this is ${process.version}; getting one failed: ${error.message}`);
    process.exit(1);
  }
  // The machine's own PATH is kept for what must run as the machine would run it (the suite bench's fresh clones).
  const machinePath = process.env[MACHINE_PATH] ?? process.env.PATH ?? "";
  const code = await runPassingSignals(node, [...process.execArgv, ...process.argv.slice(1)], { env: { ...process.env, PATH: pathWith(node), [MACHINE_PATH]: machinePath } });
  process.exit(code);
}
