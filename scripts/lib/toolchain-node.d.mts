export declare const TOOLCHAIN_MAJOR: number;
export declare const MACHINE_PATH: string;
export declare function toolchainRunsOn(version: string): boolean;
export declare function pathWith(node: string, path?: string): string;
export declare function onToolchainNode(): Promise<void>;
