// `pools.raw`: openapi-fetch typed by the spec's `paths`, for anything the two helpers do not cover. It gets the
// same headers and authentication as the helpers through one middleware.
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "@modelarts-pools/types";
import type { Authorizer } from "./auth.js";
import { mergeHeaders } from "./headers.js";
import { mergePatch } from "./media-types.js";

export type RawPoolsClient = Client<paths, "application/json">;

export function createRawClient(baseUrl: string, fetchImpl: typeof fetch, defaults: Record<string, string>, auth: Authorizer): RawPoolsClient {
  const raw = createClient<paths>({ baseUrl, fetch: (request) => fetchImpl(request) });
  raw.use({
    async onRequest({ request }) {
      const headers = mergeHeaders(defaults, Object.fromEntries(request.headers));
      // The live API refuses a PATCH in any other media type (400 ModelArts.50004100).
      if (request.method === "PATCH") headers["content-type"] = mergePatch;
      const body = new Uint8Array(await request.clone().arrayBuffer()); // empty without a body: signed the same
      const sent = await auth.apply({ method: request.method, url: request.url, headers, body });
      for (const [name, value] of Object.entries(sent)) request.headers.set(name, value);
      return request;
    },
  });
  return raw;
}
