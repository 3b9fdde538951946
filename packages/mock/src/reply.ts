// What goes back on the wire, written in one place for every mode: an answer of the mock's own (a status, a JSON body
// or none, the media type of the spec's response it comes from), or, in proxy mode, the upstream's answer as it came
// (status, reason, headers and the exact body bytes).
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { Answer } from "./answer.js";

/** The upstream's answer, passed on unchanged but for the headers about its hop. */
export interface PassedOn {
  status: number;
  statusMessage: string | undefined;
  headers: OutgoingHttpHeaders;
  bytes: Buffer;
}

export type Reply = ({ kind: "answer" } & Answer & { headers?: Record<string, string> }) | ({ kind: "passed-on" } & PassedOn);

export const answered = (answer: Answer, headers?: Record<string, string>): Reply => ({ kind: "answer", ...answer, ...(headers ? { headers } : {}) });

/** Writes the reply, with `extra` headers (CORS) added. */
export function send(response: ServerResponse, reply: Reply, extra: Record<string, string>): void {
  if (reply.kind === "passed-on") {
    response.writeHead(reply.status, reply.statusMessage, { ...reply.headers, ...extra });
    response.end(reply.bytes);
    return;
  }
  // An answer the spec gives no body (batchDeletePoolNodes' 200) goes with none.
  const payload = reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  const lowerCased = Object.fromEntries(Object.entries({ ...reply.headers, ...extra }).map(([name, value]) => [name.toLowerCase(), value]));
  const type = reply.mediaType ? { "content-type": reply.mediaType } : {};
  response.writeHead(reply.status, { ...lowerCased, ...type, "content-length": Buffer.byteLength(payload) });
  response.end(payload);
}
