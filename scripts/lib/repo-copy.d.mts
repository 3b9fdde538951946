export declare const repo: string;
export declare const pnpm: string;
export declare const COMMAND_DEADLINE_MS: number;
export declare function commandsDeadline(commands: number): number;
export declare function turboCacheDir(): string;
export declare function copyEnv(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export declare function copyRepo(prefix?: string): string;
export declare function runIn(root: string, command: string, args: readonly string[], options?: { env?: NodeJS.ProcessEnv; timeoutMs?: number }): string;
export interface InstalledCopy {
  root: string;
  /** Every file git knows of back as it was, then built again (cache hits). */
  restore(): void;
  remove(): void;
}
export declare function installedCopy(prefix: string): InstalledCopy;
