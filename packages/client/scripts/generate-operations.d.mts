import type { OpenApiDocument } from "@modelarts-pools/spec/openapi";
import type { MethodOverrides } from "./method-overrides.mjs";

export interface ClientOperation {
  method: string;
  path: string;
  body?: string;
  schema?: string;
  accept?: string;
  query?: string[];
  name?: string;
  returns?: string;
  pages?: boolean;
}
export declare const generatedFile: string;
export declare const methodsFile: string;
export declare function argumentName(name: string): string;
export declare function clientOperations(
  document?: OpenApiDocument,
  overrides?: MethodOverrides,
): {
  operations: Record<string, ClientOperation>;
  tokenHeader: string;
  userIdHeader: string;
  regionServers: [url: string, regions: string[]][];
  poolPhases: string[];
};
export declare function regionServers(document?: OpenApiDocument): [url: string, regions: string[]][];
export declare function poolPhases(document?: OpenApiDocument): string[];
export declare function generateOperations(document?: OpenApiDocument): string;
export declare function generateMethods(document?: OpenApiDocument): string;
