export declare const repo: string;
export declare const pnpm: string;
export declare const COMMAND_DEADLINE_MS: number;
export declare function commandsDeadline(commands: number): number;
export declare function turboCacheDir(): string;
export declare function copyEnv(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export declare function copyRepo(prefix?: string): string;
export declare function runIn(root: string, command: string, args: readonly string[], options?: { env?: NodeJS.ProcessEnv; timeoutMs?: number }): string;
export declare function installedCopy(prefix: string): { root: string; remove(): void };
