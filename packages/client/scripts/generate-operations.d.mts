import type { OpenApiDocument } from "@modelarts-pools/spec/openapi";

export interface ClientOperation {
  method: string;
  path: string;
  body?: string;
  accept?: string;
  query?: string[];
}
export declare const generatedFile: string;
export declare function clientOperations(document?: OpenApiDocument): {
  operations: Record<string, ClientOperation>;
  tokenHeader: string;
  userIdHeader: string;
};
export declare function generateOperations(document?: OpenApiDocument): string;
