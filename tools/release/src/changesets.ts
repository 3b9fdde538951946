import { readFile } from "node:fs/promises";
import { readChangesets } from "@changesets/read";
import { rank, strongest, type Bump } from "./levels.js";

export const specPackage = "@modelarts-pools/spec";

/** The `fixed` group of .changeset/config.json that holds the spec: the packages released with one version. */
export async function fixedGroup(configPath: string): Promise<string[]> {
  const config = JSON.parse(await readFile(configPath, "utf8")) as { fixed?: unknown };
  const groups = Array.isArray(config.fixed) ? config.fixed : [];
  const group = groups.find((g): g is string[] => Array.isArray(g) && g.includes(specPackage));
  if (!group) throw new Error(`${configPath}: no "fixed" group contains ${specPackage}`);
  return group;
}

export interface PendingBump {
  /** The bump the group gets: the strongest asked for any of its packages (a fixed group moves together). */
  bump: Bump;
  /** Changeset ids that ask for it, for the message. */
  from: string[];
}

export async function pendingBump(root: string, group: readonly string[]): Promise<PendingBump> {
  const changesets = await readChangesets(root);
  let bump: Bump = "none";
  let from: string[] = [];
  for (const changeset of changesets) {
    const asked = strongest(changeset.releases.filter((r) => group.includes(r.name)).map((r) => r.type));
    if (asked === "none") continue;
    if (rank(asked) > rank(bump)) [bump, from] = [asked, [changeset.id]];
    else if (asked === bump) from.push(changeset.id);
  }
  return { bump, from };
}
