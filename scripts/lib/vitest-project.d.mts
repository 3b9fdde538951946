import type { ViteUserConfig } from "vitest/config";
export declare const maxWorkers: string;
export declare function vitestProject(name: string, options?: { sharesModules?: boolean } & Record<string, unknown>): ViteUserConfig;
