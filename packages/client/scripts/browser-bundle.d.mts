export declare const entries: Record<"main" | "main+raw", { contents: string; budgetBytes: number }>;
export declare function browserBundle(
  entry?: "main" | "main+raw",
): Promise<{ code: string; inputs: string[]; minifiedBytes: number; gzippedBytes: number }>;
