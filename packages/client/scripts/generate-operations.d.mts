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
  regionServers: [url: string, regions: string[]][];
  poolPhases: string[];
};
export declare function regionServers(document?: OpenApiDocument): [url: string, regions: string[]][];
export declare function poolPhases(document?: OpenApiDocument): string[];
export declare function generateOperations(document?: OpenApiDocument): string;
