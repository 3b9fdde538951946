export declare const SUPPORTED_NODE_MAJORS: readonly number[];
export declare function majorOf(version?: string): number;
export declare function otherSupportedMajors(version?: string): number[];
export declare function ensureNode(major: number, installTimeoutMs?: number): Promise<string>;
