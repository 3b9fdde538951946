import type { OpenApiDocument } from "@modelarts-pools/spec/openapi";

export declare const perOperationBytes: number;
export declare function operationCount(document?: OpenApiDocument): number;
export declare const entries: Record<"main" | "main+raw", { contents: string; budgetBytes: number }>;
export declare function browserBundle(
  entry?: "main" | "main+raw",
  document?: OpenApiDocument,
): Promise<{ code: string; inputs: string[]; minifiedBytes: number; gzippedBytes: number }>;
export declare function specWithOneMoreOperation(document?: OpenApiDocument): OpenApiDocument;
