// `pnpm pack:all`, the newcomer's way to the packages without a release: it packs every publishable package into one
// folder without changing a file of the repo, and the install line it prints installs them together into an empty
// folder, where they run on both supported Node majors (the tarballs of this run: the consumer test installs the
// same ones).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { sharedTarballs } from "../lib/fixtures/shared.mjs";
import { COMMAND_DEADLINE_MS, copyEnv, repo, runIn } from "../lib/repo-copy.mjs";
import { commandLine } from "../lib/spawn.mjs";
import { ensureNode, SUPPORTED_NODE_MAJORS } from "../lib/supported-node.mjs";

const exec = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), "pack-all-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const status = () => runIn(repo, "git", ["status", "--porcelain", "--untracked-files=all"]);

describe("pnpm pack:all", () => {
  it("packs the four published packages into .tarballs/ and changes no file of the repo", () => {
    const before = status();
    try {
      const output = runIn(repo, ...commandLine("pnpm pack:all"), { env: copyEnv() });
      expect(output).toMatch(/\[pack:all\] 4 packages packed into \.tarballs\/ \(nothing in the repo changed\)/);
      const line = /^npm install (.+)$/m.exec(output)?.[1]?.split(" ") ?? [];
      expect(line.map((file) => file.replace(/^.*\//, "")).sort()).toEqual(
        ["client", "mock", "spec", "types"].map((name) => expect.stringMatching(new RegExp(`^modelarts-pools-${name}-\\d+\\.\\d+\\.\\d+\\.tgz$`))),
      );
      expect(status()).toBe(before);
    } finally {
      rmSync(join(repo, ".tarballs"), { recursive: true, force: true });
    }
  }, COMMAND_DEADLINE_MS);

  // One install, by the npm on PATH as a user's would run it (npm is the same program whichever Node runs it); then
  // what was installed runs on each supported Node.
  let installed: Promise<string> | undefined;
  const installedFolder = () =>
    (installed ??= (async () => {
      const { installLine } = await sharedTarballs();
      const [command, args] = commandLine(installLine);
      const folder = mkdtempSync(join(scratch, "app-"));
      await exec(command, [...args, "--no-audit", "--no-fund"], { cwd: folder, timeout: COMMAND_DEADLINE_MS });
      return folder;
    })());

  it.each(SUPPORTED_NODE_MAJORS)("prints the npm install line that installs them all into an empty folder, where they run on Node %i", async (major) => {
    const [folder, node] = await Promise.all([installedFolder(), ensureNode(major)]);
    const env = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH}` };
    const probe = "const c = await import('@modelarts-pools/client'); const t = await import('@modelarts-pools/types/package.json', { with: { type: 'json' } }); console.log(typeof c.createPoolsClient, t.default.name, process.version)";
    const { stdout } = await exec(node, ["--input-type=module", "-e", probe], { cwd: folder, env });
    expect(stdout.trim()).toMatch(new RegExp(`^function @modelarts-pools/types v${major}\\.`));
    const { stdout: help } = await exec(join(folder, "node_modules", ".bin", "modelarts-pools-mock"), ["--help"], { cwd: folder, env });
    expect(help).toContain("Usage: modelarts-pools-mock");
  }, 2 * COMMAND_DEADLINE_MS);
});
