import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fixedGroup, pendingBump } from "../src/changesets.js";
import { repo } from "./support/repo-copy.js";

const group = ["@modelarts-pools/spec", "@modelarts-pools/types", "@modelarts-pools/client", "@modelarts-pools/mock"];
let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

function changesets(files: Record<string, Record<string, string>>): string {
  root = mkdtempSync(join(tmpdir(), "changesets-"));
  mkdirSync(join(root, ".changeset"));
  for (const [id, releases] of Object.entries(files)) {
    const header = Object.entries(releases).map(([name, bump]) => `"${name}": ${bump}`).join("\n");
    writeFileSync(join(root, ".changeset", `${id}.md`), `---\n${header}\n---\n\n${id}\n`);
  }
  return root;
}

describe("pending changesets", () => {
  it("the repo's fixed group is spec, types, client and mock, without the private docs", async () => {
    expect(await fixedGroup(join(repo, ".changeset", "config.json"))).toEqual(group);
  });

  it("asks nothing when there is no changeset", async () => {
    expect(await pendingBump(changesets({}), group)).toEqual({ bump: "none", from: [] });
  });

  it("takes the strongest bump asked for any package of the group, since the group moves together", async () => {
    const dir = changesets({
      "fix-docs": { "@modelarts-pools/spec": "patch" },
      "client-break": { "@modelarts-pools/client": "major", "@modelarts-pools/spec": "minor" },
      "also-major": { "@modelarts-pools/mock": "major" },
    });
    const { bump, from } = await pendingBump(dir, group);
    expect(bump).toBe("major");
    expect(from.sort()).toEqual(["also-major", "client-break"]);
  });

  it("ignores packages outside the group", async () => {
    const dir = changesets({ "docs-only": { "@modelarts-pools/docs": "major" }, small: { "@modelarts-pools/types": "patch" } });
    expect(await pendingBump(dir, group)).toEqual({ bump: "patch", from: ["small"] });
  });
});
