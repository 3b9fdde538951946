import type { ChildProcess } from "node:child_process";

export interface SpawnedUntil {
  child: ChildProcess;
  ready: Promise<RegExpExecArray>;
  exit: Promise<number | null>;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export declare function spawnUntil(
  command: string,
  args: readonly string[],
  options?: { ready?: RegExp; timeoutMs?: number; env?: NodeJS.ProcessEnv; cwd?: string },
): SpawnedUntil;

export declare function commandLine(line: string): [command: string, args: string[]];
