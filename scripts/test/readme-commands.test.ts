// Every shell command a README shows (in a sh code block, or as code in a table) is run by some test. A test runs a
// command by spelling it as a person types it, through commandLine("…") (scripts/lib/spawn.mjs); this test reads
// every test file for those calls and matches each README command to one of them. A run may add words after the
// command (`--port 0`, so that a test never takes a fixed port), and a README's placeholder (A.json, N) matches any word.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repo } from "../lib/repo-copy.mjs";

interface ReadmeCommand {
  command: string;
  where: string;
}

const tracked = (pattern: string) =>
  execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", pattern], { cwd: repo, encoding: "utf8" }).split("\n").filter(Boolean);

const commandWord = /^(npm|pnpm|npx|node|modelarts-pools-mock)\s/;

/** The commands of one README: each line of a sh/bash/shell block (comments dropped), and table cells' code spans. */
export function commandsOf(file: string, text: string): ReadmeCommand[] {
  const found: ReadmeCommand[] = [];
  let inShell = false;
  text.split("\n").forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    if (/^```/.test(line)) {
      inShell = !inShell && /^```(sh|bash|shell)\s*$/.test(line);
      return;
    }
    if (inShell) {
      const command = line.replace(/(^|\s)#.*$/, "").trim();
      if (command) found.push({ command, where });
    } else if (line.startsWith("|")) {
      for (const [, code] of line.matchAll(/`([^`]+)`/g)) if (commandWord.test(`${code} `)) found.push({ command: code!.trim(), where });
    }
  });
  return found;
}

/** The command lines tests run: the text of every commandLine("…") call, up to a template's first ${…}. */
function testedLines(): { line: string; file: string }[] {
  const files = tracked("*.ts").filter((file) => /(^|\/)test\//.test(file));
  return files.flatMap((file) =>
    [...readFileSync(join(repo, file), "utf8").matchAll(/commandLine\(\s*(["'`])((?:(?!\1)[^$])*)/g)].map(([, , line]) => ({ line: line!.trim(), file })),
  );
}

const placeholder = /^[A-Z][A-Za-z]*(\.[a-z]+)?$/;
function runs(line: string, command: string): boolean {
  const [ran, wanted] = [line.split(/\s+/), command.split(/\s+/)];
  return wanted.length <= ran.length && wanted.every((word, index) => word === ran[index] || placeholder.test(word));
}

// The packages are not on a registry yet: what the READMEs' `npm install @modelarts-pools/…` does is run, with npm,
// on the packed tarballs by the client's consumer test.
const installedFromTarballs = new Map([
  ["npm install @modelarts-pools/client", "tools/integration/test/consumer.e2e.test.ts"],
  ["npm install --save-dev @modelarts-pools/types", "tools/integration/test/consumer.e2e.test.ts"],
]);

// Shown in a README but not run as written by a test, each with the reason and what covers it instead. Keep this list
// short: every entry is a command a reader may type that no test types for them.
const notRunAsWritten = new Map([
  ["pnpm test:soak", "runs the whole suite several times (minutes): scripts/test/soak.e2e.test.ts runs scripts/soak.mjs on a fixture"],
  ["pnpm test:soak -- --project mock", "as above"],
  ["pnpm turbo run build", "what `pnpm build` runs (scripts/test/in-copy/release.ts runs `pnpm build`)"],
  ["pnpm --filter @modelarts-pools/docs build", "the docs' part of the build: in-copy/release.ts checks the page the release's build wrote after a spec edit"],
  ["node tools/release/dist/cli.js check-packages", "what `pnpm release` runs on the tarballs it packs: in-copy/release.ts checks its report, package by package"],
  ["node scripts/lib/supported-node.mjs 20", "finds or downloads Node 20: the consumer test and toolchain.e2e get it through the same module"],
  ["modelarts-pools-mock --proxy https://modelarts.cn-north-4.myhuaweicloud.com --report violations.ndjson", "needs the live API: cli-modes.e2e.test.ts runs --proxy and --report against a local upstream"],
]);

const readmes = tracked("*README.md").filter((file) => !file.startsWith(".changeset/"));
const commands = readmes.flatMap((file) => commandsOf(file, readFileSync(join(repo, file), "utf8")));

describe("the READMEs' commands", () => {
  it("are found in code blocks and tables (the ones this suite is known to need)", () => {
    expect(readmes).toEqual(expect.arrayContaining(["README.md", "spec/README.md", "packages/mock/README.md", "tools/release/README.md"]));
    expect(commands.map(({ command }) => command)).toEqual(
      expect.arrayContaining(["npm start", "npm test", "pnpm dev", "pnpm mock -- --stateful --port 0", "pnpm release", "modelarts-pools-mock --port 0 --stateful"]),
    );
  });

  it("are each run by a test", () => {
    const lines = testedLines();
    const unrun = commands.filter(({ command }) => {
      if (notRunAsWritten.has(command)) return false;
      const consumer = installedFromTarballs.get(command);
      if (consumer) return !/"npm",\s*\["install"/.test(readFileSync(join(repo, consumer), "utf8"));
      return !lines.some(({ line }) => runs(line, command));
    });
    expect(unrun.map(({ command, where }) => `${where}: ${command}`)).toEqual([]);
  });

  it("are matched word for word: a longer run matches, another command or a missing word does not", () => {
    expect(runs("pnpm mock -- --stateful --port 0", "pnpm mock")).toBe(true);
    expect(runs("node tools/release/dist/cli.js diff a.json b.json", "node tools/release/dist/cli.js diff A.json B.json")).toBe(true);
    expect(runs("pnpm mock --port 0", "pnpm mock -- --stateful --port 0")).toBe(false);
    expect(runs("pnpm lint", "pnpm --filter @modelarts-pools/release-tools lint")).toBe(false);
  });

  it("are read from sh blocks without their comments, and from code spans in tables that start with a command", () => {
    const readme = ["| command | what |", "| `pnpm dev` | serves |", "| `--port <n>` | a flag |", "```sh", "pnpm mock   # a comment", "```", "```ts", "npm start", "```"].join("\n");
    expect(commandsOf("R.md", readme)).toEqual([
      { command: "pnpm dev", where: "R.md:2" },
      { command: "pnpm mock", where: "R.md:5" },
    ]);
  });
});
