export declare const budgetBytes: number;
export declare function browserBundle(): Promise<{ code: string; minifiedBytes: number; gzippedBytes: number }>;
