export declare const SUPPORTED_NODE: Readonly<Record<number, string>>;
export declare const SUPPORTED_NODE_MAJORS: readonly number[];
export declare function majorOf(version?: string): number;
export declare function atLeastInMajor(version: string | undefined, minimum: string): boolean;
export declare function otherSupportedMajors(version?: string): number[];
export declare function ensureNode(major: number, options?: { installTimeoutMs?: number; log?: (line: string) => void }): Promise<string>;
