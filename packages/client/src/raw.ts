// `@modelarts-pools/client/raw`: openapi-fetch typed by the spec's `paths`, for anything the client's methods do
// not cover. On its own entry so that the main one stays small (openapi-fetch is most of a bundle that has it).
// `rawClientOf(pools)` sends with the client's endpoint, headers, fetch and authentication, through one middleware.
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "@modelarts-pools/types";
import type { PoolsClient } from "./client.js";
import { mergeHeaders } from "./headers.js";
import { operations, type Operation } from "./generated/operations.js";
import { internalsOf } from "./internals.js";

export type RawPoolsClient = Client<paths>;

/** The openapi-fetch client of `pools`: same endpoint, headers, fetch and authentication (one per client). */
export function rawClientOf(pools: PoolsClient): RawPoolsClient {
  const internals = internalsOf.get(pools);
  if (!internals) throw new TypeError("rawClientOf: pools must be a client made by createPoolsClient");
  if (internals.raw) return internals.raw as RawPoolsClient;
  const { endpoint, fetch, defaults, auth } = internals;
  const raw = createClient<paths>({ baseUrl: endpoint, fetch: (request) => fetch(request) });
  raw.use({
    async onRequest({ request, schemaPath }) {
      const headers = mergeHeaders(defaults, Object.fromEntries(request.headers));
      // openapi-fetch sends every body as application/json; the spec's media type of the operation wins (the live
      // API refuses a PATCH in any other than merge-patch, 400 ModelArts.50004100).
      const operation = Object.values<Operation>(operations).find((candidate) => candidate.path === schemaPath && candidate.method === request.method);
      if (operation?.body !== undefined && request.body !== null) headers["content-type"] = operation.body;
      const body = new Uint8Array(await request.clone().arrayBuffer()); // empty without a body: signed the same
      const sent = await auth.apply({ method: request.method, url: request.url, headers, body });
      for (const [name, value] of Object.entries(sent)) request.headers.set(name, value);
      return request;
    },
  });
  return (internals.raw = raw);
}
