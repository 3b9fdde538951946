#!/usr/bin/env node
// Runs one command on the toolchain's Node (lib/toolchain-node.mjs): the package.json scripts that start a tool
// directly (`pnpm test:quick`, `pnpm changeset`, `pnpm mock`) go through it, so they work when pnpm itself was
// started by Node 20.   node scripts/toolchain.mjs <command> [args…]
import { runPassingSignals } from "./lib/child.mjs";
import { onToolchainNode } from "./lib/toolchain-node.mjs";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: node scripts/toolchain.mjs <command> [args…]  (runs the command with the toolchain's Node first on PATH)");
  process.exit(2);
}
await onToolchainNode();
process.exit(await runPassingSignals(command, args));
