// Generated from @modelarts-pools/spec (dist/openapi.json) by scripts/generate-operations.mjs. Do not edit: run `pnpm --filter @modelarts-pools/client generate`.

export interface Operation {
  method: string;
  /** The path template; the client fills its parameters in the order they appear. */
  path: string;
  /** The media type the request body is sent as; absent when the operation takes no body. */
  body?: string;
  /** The media type of the success answer (sent as Accept). */
  accept?: string;
  /** The names of the query parameters. */
  query?: readonly string[];
}

/** Each operation of the spec, by operationId. */
export const operations = {
  createPool: {"method":"POST","path":"/v2/{project_id}/pools","body":"application/json","accept":"application/json"},
  updatePool: {"method":"PATCH","path":"/v2/{project_id}/pools/{pool_name}","body":"application/merge-patch+json","accept":"application/json"},
} as const satisfies Record<string, Operation>;

export type OperationId = keyof typeof operations;

/** The header of the `token` security scheme, lower-cased as the client sends every name. */
export const tokenHeader = "x-auth-token";

/** The one header parameter of the operations (the client's `userId` option), lower-cased. */
export const userIdHeader = "x-modelarts-user-id";
