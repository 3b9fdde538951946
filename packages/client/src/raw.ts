// `@modelarts-pools/client/raw`: openapi-fetch typed by the spec's `paths`, for anything the client's methods do
// not cover. On its own entry so that the main one stays small (openapi-fetch is most of a bundle that has it).
// `rawClientOf(pools)` sends with the client's endpoint, headers, fetch and authentication, and takes the client's
// secrets out of everything it throws or returns as `error` (redact.ts), as the client does for its own errors.
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "@modelarts-pools/types";
import type { PoolsClient } from "./client.js";
import { operations, type Operation } from "./generated/operations.js";
import { mergeHeaders } from "./headers.js";
import { internalsOf } from "./internals.js";
import { redactBody, redactedCause } from "./redact.js";

export type RawPoolsClient = Client<paths>;

type Send = (...args: any[]) => Promise<{ error?: unknown }>;

/** The openapi-fetch client of `pools`: same endpoint, headers, fetch and authentication (one per client). */
export function rawClientOf(pools: PoolsClient): RawPoolsClient {
  const internals = internalsOf.get(pools);
  if (!internals) throw new TypeError("rawClientOf: pools must be a client made by createPoolsClient");
  if (internals.raw) return internals.raw as RawPoolsClient;
  const { endpoint, fetch, defaults, auth } = internals;
  const raw = createClient<paths>({ baseUrl: endpoint, fetch: (request) => fetch(request) });
  // Each sending method (GET … TRACE, and `request`, whose options come third) is wrapped: its call gets its own
  // last middleware, which signs the request after every middleware of the user's has changed it, and notes what
  // was sent, so that the error of that call is redacted of that request's signature too.
  for (const [name, send] of Object.entries(raw) as [string, Send][]) {
    if (name === "use" || name === "eject") continue;
    const optionsAt = name === "request" ? 2 : 1;
    (raw as unknown as Record<string, Send>)[name] = async (...args) => {
      const options = args[optionsAt] ?? {};
      let sent: Record<string, string> | undefined;
      const authorize: Middleware = {
        async onRequest({ request, schemaPath }) {
          const headers = mergeHeaders(defaults, Object.fromEntries(request.headers));
          // openapi-fetch sends every body as application/json; the spec's media type of the operation wins (the
          // live API refuses a PATCH in any other than merge-patch, 400 ModelArts.50004100).
          const operation = Object.values<Operation>(operations).find((candidate) => candidate.path === schemaPath && candidate.method === request.method);
          if (operation?.body !== undefined && request.body !== null) headers["content-type"] = operation.body;
          const body = new Uint8Array(await request.clone().arrayBuffer()); // empty without a body: signed the same
          sent = await auth.apply({ method: request.method, url: request.url, headers, body });
          for (const [header, value] of Object.entries(sent)) request.headers.set(header, value);
          return request;
        },
      };
      args[optionsAt] = { ...options, middleware: [...(options.middleware ?? []), authorize] };
      try {
        const result = await send(...args);
        if (result.error !== undefined) result.error = redactBody(result.error, auth.redactFor(sent));
        return result;
      } catch (error) {
        // The caller's own abort rejects with the signal's reason, as fetch does; anything else is copied clean.
        if (options.signal?.aborted && error === options.signal.reason) throw error;
        throw redactedCause(error, auth.redactFor(sent));
      }
    };
  }
  return (internals.raw = raw);
}
