import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import type { Json } from "@modelarts-pools/spec/openapi";
import { fixedGroup, pendingBump } from "./changesets.js";
import { classify, type Classification } from "./classify.js";
import { describe } from "./differences.js";
import { rank, type Bump } from "./levels.js";
import { readReleased } from "./released.js";

export interface GateInput {
  root: string;
  changesetConfig: string;
  released: string;
  workingSpec: string;
}

export interface GateResult {
  ok: boolean;
  needed: Bump;
  asked: Bump;
  classification: Classification;
  report: string;
}

/** A bundled spec, JSON or YAML. */
export async function readSpec(path: string): Promise<Json> {
  const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read the spec ${path} (${error.code ?? error.message}); build it with \`pnpm --filter @modelarts-pools/spec build\``);
  });
  return (path.endsWith(".json") ? JSON.parse(text) : parse(text)) as Json;
}

/**
 * The breaking-change gate: the pending changesets must ask the spec's fixed group for at least the bump that the
 * differences since the last release need.
 */
export async function runGate(input: GateInput): Promise<GateResult> {
  const released = await readReleased(input.released);
  const classification = classify(released.document, await readSpec(input.workingSpec));
  const group = await fixedGroup(input.changesetConfig);
  const { bump: asked, from } = await pendingBump(input.root, group);
  const needed = classification.level;
  const ok = rank(asked) >= rank(needed);
  const lines: string[] = [];
  const since = `since the last release (${released.version})`;
  if (needed === "none") {
    lines.push(`spec gate: no API difference ${since}.`);
  } else if (ok) {
    lines.push(`spec gate: the differences ${since} need a ${needed} release; the pending changesets ask for ${asked} (${from.join(", ")}).`);
  } else {
    lines.push(
      `spec gate FAILED: the spec differs ${since} in ways that need a ${needed.toUpperCase()} release,`,
      asked === "none"
        ? `but no pending changeset bumps ${group.join(", ")}.`
        : `but the pending changesets ask only for ${asked} (${from.join(", ")}).`,
    );
  }
  for (const difference of classification.differences) lines.push(`  - ${describe(difference)}`);
  if (!ok) {
    lines.push(
      `Record the change with \`pnpm changeset\`, choosing ${needed} for @modelarts-pools/spec (spec, types, client and mock`,
      "are released together), or undo the change. tools/release/README.md explains each rule.",
    );
  }
  return { ok, needed, asked, classification, report: lines.join("\n") };
}
