// One exchange with the upstream over node:http(s): the request as given, the answer as raw bytes (never decoded or
// re-encoded, so it can be passed on exactly), within a time-out. Failures are values, for the caller to answer.
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { Clock } from "../clock.js";

/** The upstream's base URL, checked: absolute http(s), no credentials in it (it is named in error messages). */
export function parseUpstream(value: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || !/^https?:$/.test(url.protocol)) throw new TypeError(`proxy: the upstream must be an absolute http(s) URL, not ${JSON.stringify(value)}`);
  if (url.username || url.password) throw new TypeError("proxy: the upstream URL must not contain a user name or password");
  if (url.search || url.hash) throw new TypeError("proxy: the upstream URL must not have a query or a fragment");
  return url;
}

/** The upstream URL of a request target: the base's path, then the request's path and query. */
export function upstreamUrl(base: URL, target: string): URL {
  const url = new URL(base.href);
  const [path = "", query] = splitTarget(target);
  url.pathname = `${base.pathname.replace(/\/+$/, "")}${path}`;
  url.search = query ?? "";
  return url;
}

function splitTarget(target: string): [string, string | undefined] {
  const at = target.indexOf("?");
  return at < 0 ? [target, undefined] : [target.slice(0, at), target.slice(at)];
}

export type Exchange =
  | { kind: "answered"; status: number; statusMessage: string; headers: IncomingHttpHeaders; body: Buffer }
  /** No connection, or it broke before the whole answer came; `code` is Node's (`ECONNREFUSED`, `ECONNRESET`, …). */
  | { kind: "unreachable"; code: string }
  | { kind: "timeout" }
  | { kind: "too-large" };

export interface UpstreamRequest {
  method: string;
  url: URL;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

export interface UpstreamClient {
  exchange(request: UpstreamRequest, timeoutMs: number, answerLimit: number): Promise<Exchange>;
  /** Closes the kept-alive connections and ends the exchanges still open. */
  close(): void;
}

/** `clock` runs the time-out (the mock's injected clock: a test moves it on instead of racing a real timer). */
export function upstreamClient(clock: Clock): UpstreamClient {
  const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
  const open = new Set<() => void>();
  return {
    exchange: (request, timeoutMs, answerLimit) =>
      new Promise<Exchange>((resolve) => {
        const secure = request.url.protocol === "https:";
        const send = secure ? httpsRequest : httpRequest;
        let settled = false;
        const finish = (exchange: Exchange) => {
          if (settled) return;
          settled = true;
          cancelTimeout();
          open.delete(abort);
          resolve(exchange);
        };
        const outgoing = send(request.url, { method: request.method, headers: request.headers, agent: secure ? agents.https : agents.http });
        const abort = () => {
          finish({ kind: "unreachable", code: "ECONNABORTED" });
          outgoing.destroy();
        };
        open.add(abort);
        // The whole exchange, answer body included, must fit in the time-out: the answer is passed on only once read.
        const timer = clock.setTimeout(() => {
          finish({ kind: "timeout" });
          outgoing.destroy();
        }, timeoutMs);
        const cancelTimeout = () => clock.clearTimeout(timer);
        outgoing.on("error", (error: NodeJS.ErrnoException) => finish({ kind: "unreachable", code: error.code ?? "ERR" }));
        outgoing.on("response", (incoming) => {
          const chunks: Buffer[] = [];
          let size = 0;
          incoming.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > answerLimit) {
              finish({ kind: "too-large" });
              outgoing.destroy();
            } else {
              chunks.push(chunk);
            }
          });
          incoming.on("error", (error: NodeJS.ErrnoException) => finish({ kind: "unreachable", code: error.code ?? "ERR" }));
          incoming.on("aborted", () => finish({ kind: "unreachable", code: "ECONNRESET" }));
          incoming.on("end", () =>
            finish({ kind: "answered", status: incoming.statusCode ?? 502, statusMessage: incoming.statusMessage ?? "", headers: incoming.headers, body: Buffer.concat(chunks) }),
          );
        });
        outgoing.end(request.body.length > 0 ? request.body : undefined);
      }),
    close() {
      for (const abort of [...open]) abort();
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
