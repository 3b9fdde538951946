// The suite's own cost (`pnpm bench --only suite`): `npm test` on fresh clones of a baseline commit and of this one,
// one after the other on the same machine (machines of one kind differ by about 2×: only figures measured side by
// side compare), with the wall time and the CPU time of every process it ran; then the in-process tier
// (`pnpm test:quick`) against the whole vitest run in this checkout, and the ten slowest test files of the last run.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { durationsFile, slowestLines } from "./file-durations-reporter.mjs";
import { median } from "./stats.mjs";
import { MACHINE_PATH } from "./toolchain-node.mjs";

/** CPU seconds (user + system) of this process's children that have been waited for, from /proc (Linux). */
function childrenCpuSeconds() {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  const ticks = Number(fields[13]) + Number(fields[14]); // cutime, cstime (fields 16 and 17 of stat)
  return ticks / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }));
}

/** Runs a command to its end; its wall time (ms) and the CPU seconds of everything it ran. */
function measured(command, args, cwd, env = process.env) {
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", maxBuffer: 256 << 20 });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
  return { ms, cpu: childrenCpuSeconds() - cpuBefore, stdout: result.stdout };
}

/** A fresh clone of `ref` with the repo's `../shared` beside it, as CI lays one out. */
function freshClone(root, ref) {
  const folder = mkdtempSync(join(tmpdir(), "suite-bench-"));
  const clone = join(folder, "main");
  execFileSync("git", ["clone", "-q", root, clone]);
  execFileSync("git", ["checkout", "-q", ref], { cwd: clone });
  const shared = join(dirname(root), "shared");
  if (existsSync(shared)) symlinkSync(shared, join(folder, "shared"));
  return { clone, remove: () => rmSync(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }) };
}

const machineEnv = { ...process.env, PATH: process.env[MACHINE_PATH] ?? process.env.PATH };
delete machineEnv[MACHINE_PATH];

export function suiteFigures(root, runs, baseline) {
  const commit = (ref) => execFileSync("git", ["rev-parse", "--short", ref], { cwd: root, encoding: "utf8" }).trim();
  const [before, after] = [commit(baseline), commit("HEAD")];
  const fresh = { [before]: [], [after]: [] };
  for (let i = 0; i < runs; i++) {
    for (const ref of i % 2 ? [after, before] : [before, after]) {
      const { clone, remove } = freshClone(root, ref);
      try {
        // As CI and a user run it: started by the machine's own Node (pnpm bench itself moved onto the toolchain's).
        fresh[ref].push(measured("npm", ["test"], clone, machineEnv));
      } finally {
        remove();
      }
    }
  }
  const whole = [];
  const quick = [];
  for (let i = 0; i < runs; i++) {
    whole.push(measured("pnpm", ["vitest", "run", "--reporter=./scripts/lib/file-durations-reporter.mjs", "--reporter=dot"], root).ms);
    quick.push(measured("pnpm", ["test:quick", "--reporter=dot"], root).ms);
  }
  const slowest = slowestLines(JSON.parse(readFileSync(durationsFile(root), "utf8"))).map((line) => line.trim().replace(/\s+/, " "));
  const wall = (ref) => median(fresh[ref].map(({ ms }) => ms));
  const cpu = (ref) => median(fresh[ref].map((run) => run.cpu));
  const machineNode = execFileSync("node", ["--version"], { env: machineEnv, encoding: "utf8" }).trim();
  const side = `median of ${runs} fresh clone(s) each, ${before} and ${after} alternating on this machine, started by its Node ${machineNode} as CI starts it (install, build, lint and every test)`;
  return {
    package: "suite",
    figures: [
      { name: `npm test on a fresh clone, before (${before})`, value: Math.round(wall(before) / 1000), unit: "s", comparison: side },
      { name: `npm test on a fresh clone, after (${after})`, value: Math.round(wall(after) / 1000), unit: "s", comparison: side },
      { name: "npm test on a fresh clone, after ÷ before", value: (wall(after) / wall(before)).toFixed(2), unit: "ratio", target: "≤ 0.60", comparison: "wall time, same runs" },
      { name: `CPU of npm test, before (${before})`, value: Math.round(cpu(before)), unit: "s", comparison: `user + system of every process npm test ran (/proc cutime + cstime), ${side}` },
      { name: `CPU of npm test, after (${after})`, value: Math.round(cpu(after)), unit: "s", comparison: "same runs" },
      { name: "CPU of npm test, after ÷ before", value: (cpu(after) / cpu(before)).toFixed(2), unit: "ratio", target: "≤ 0.50", comparison: "same runs" },
      { name: "pnpm test:quick ÷ the whole vitest run", value: (median(quick) / median(whole)).toFixed(2), unit: "ratio", target: "≤ 0.15", comparison: `wall times in this checkout after a build, median of ${runs}: ${(median(quick) / 1000).toFixed(1)} s ÷ ${(median(whole) / 1000).toFixed(1)} s` },
      { name: "the ten slowest test files", value: slowest.length, unit: "files", comparison: `of the last whole run: ${slowest.join("; ")}` },
    ],
  };
}
