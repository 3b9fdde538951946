// What `rawClientOf` (the `./raw` entry) needs from a client to send with the same endpoint, headers, fetch and
// authentication. It is kept beside the client object rather than on it: logging the client shows no credential,
// and the main entry carries no openapi-fetch.
import type { Authorizer } from "./auth.js";

export interface ClientInternals {
  endpoint: string;
  fetch: typeof fetch;
  /** Headers every request carries (lower-case names, see headers.ts). */
  defaults: Record<string, string>;
  auth: Authorizer;
  /** The raw client, made on the first `rawClientOf` call and reused after. */
  raw?: unknown;
}

export const internalsOf = new WeakMap<object, ClientInternals>();
