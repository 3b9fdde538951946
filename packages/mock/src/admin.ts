// The mock's own routes, under a prefix no path of the spec can use (/__mock/): the request journal and reset. They
// are never checked against the spec, never recorded, and never forwarded in proxy mode.
//   GET    /__mock/requests[?operationId=&method=&status=]  → 200 { requests: [...], dropped: N }, oldest first
//   DELETE /__mock/requests                                 → 204, the journal emptied
//   POST   /__mock/reset                                    → 204, state and journal back to the start
import type { Answer } from "./answer.js";
import { filterOf, type Journal } from "./journal.js";

const ADMIN_PREFIX = "/__mock/";

export interface AdminContext {
  journal: Journal;
  reset(): Promise<void>;
  /** The answer to a wrong request of these routes: a ModelArts error body with the mock's own words. */
  refused(status: 400 | 404 | 405, message: string): Answer;
}

const ROUTES = "GET and DELETE /__mock/requests, POST /__mock/reset";

/** The answer of an admin route; undefined for a path outside the prefix. */
export async function adminAnswer(context: AdminContext, method: string, url: URL): Promise<Answer | undefined> {
  if (!url.pathname.startsWith(ADMIN_PREFIX)) return undefined;
  const route = url.pathname.slice(ADMIN_PREFIX.length);
  if (route === "requests") {
    if (method === "GET") {
      const parsed = filterOf(url.searchParams);
      if (!parsed.ok) return context.refused(400, `GET /__mock/requests: ${parsed.problem}`);
      return { status: 200, body: { requests: context.journal.entries(parsed.filter), dropped: context.journal.dropped }, mediaType: "application/json" };
    }
    if (method === "DELETE") {
      context.journal.clear();
      return { status: 204, body: undefined, mediaType: "" };
    }
    return context.refused(405, `/__mock/requests takes GET or DELETE, not ${method}`);
  }
  if (route === "reset") {
    if (method !== "POST") return context.refused(405, `/__mock/reset takes POST, not ${method}`);
    await context.reset();
    return { status: 204, body: undefined, mediaType: "" };
  }
  return context.refused(404, `no mock route at ${url.pathname}; the mock's routes are ${ROUTES}`);
}
