// Proxy mode's answerer: the request goes to the upstream (the live API, or anything answering like it) and its
// answer comes back unchanged, status, headers and body bytes, judged against the spec on the way (the request was
// judged by the pipeline's checks, as in every mode). The mock answers itself only an AK/SK request it cannot sign
// again and the upstream's failures.
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";
import type { AkSkCredentials } from "@modelarts-pools/client";
import type { OpenApiDocument } from "@modelarts-pools/spec/openapi";
import type { Answer, Errors } from "../answer.js";
import type { Violation } from "../checks.js";
import type { Clock } from "../clock.js";
import { single } from "../headers.js";
import type { Answerer, Arrived } from "../pipeline.js";
import { answered, type Reply } from "../reply.js";
import { isSigned, noCredentialsProblem, resign } from "./resign.js";
import { upstreamClient, upstreamUrl, type Exchange } from "./upstream.js";
import { responseChecks } from "./violations.js";

export interface ProxySettings {
  upstream: URL;
  /** Answer an invalid request as the mock does (400), instead of forwarding it. */
  strict: boolean;
  /** Longest wait for the upstream's whole answer. */
  timeoutMs: number;
  /** For signing AK/SK requests again; without them such a request is refused. */
  credentials: AkSkCredentials | undefined;
  onViolation: (violation: Violation) => void;
}

export interface Proxy {
  answerer: Answerer;
  /** Ends the exchanges still open and the kept-alive connections to the upstream. */
  close(): void;
}

/** An answer larger than this is not buffered (it must be, to be judged): the caller gets 502 instead. */
const ANSWER_LIMIT = 16 * 1024 * 1024;

// Headers about one connection, not the message (RFC 9110 §7.6.1), and those recomputed for the bytes sent.
const HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "expect"];

export function createProxy(spec: OpenApiDocument, errors: Errors, clock: Clock, settings: ProxySettings): Proxy {
  const answers = responseChecks(spec);
  const upstream = upstreamClient(clock);
  const upstreamName = settings.upstream.href.replace(/\/$/, "");

  // The API documents no gateway error: the bad request's code and media type, with the proxy's own message.
  const failure = (status: 500 | 502 | 504, message: string): Answer => errors.ownWords(status, message);

  async function forward(request: Arrived): Promise<{ reply: Reply; violations?: Violation[] }> {
    const operation = request.route?.operation;
    const upstreamTarget = upstreamUrl(settings.upstream, request.target);
    let headers = forwardedHeaders(request.headers);
    if (isSigned(headers)) {
      if (!settings.credentials) return { reply: answered(errors.badRequest(operation, noCredentialsProblem)) };
      headers = await resign(settings.credentials, request.method, upstreamTarget, headers, request.bytes);
    } else {
      headers["host"] = upstreamTarget.host;
    }
    const sent: OutgoingHttpHeaders = { ...headers };
    if (request.bytes.length > 0 || request.headers["content-length"] !== undefined) sent["content-length"] = request.bytes.length;

    const exchange = await upstream.exchange({ method: request.method, url: upstreamTarget, headers: sent, body: request.bytes }, settings.timeoutMs, ANSWER_LIMIT);
    if (exchange.kind !== "answered") return { reply: answered(failed(exchange, operation?.operationId ?? `${request.method} ${request.path}`)) };
    const violations = operation ? answers.check(operation, exchange.status, exchange.headers, exchange.body) : [];
    return { reply: passedOn(request.method, exchange), violations };
  }

  function failed(exchange: Exclude<Exchange, { kind: "answered" }>, what: string): Answer {
    switch (exchange.kind) {
      case "timeout":
        return failure(504, `the upstream ${upstreamName} did not answer ${what} within ${settings.timeoutMs} ms`);
      case "too-large":
        return failure(502, `the upstream ${upstreamName} answered ${what} with more than ${ANSWER_LIMIT} bytes, more than the proxy holds`);
      case "unreachable":
        return failure(502, `the upstream ${upstreamName} could not be reached for ${what} (${exchange.code})`);
    }
  }

  return {
    answerer: {
      onFailedCheck: settings.strict ? "refuse" : "report",
      checksCredentials: false,
      answer: forward,
      answerUnrouted: forward,
      onViolation: settings.onViolation,
    },
    close: () => upstream.close(),
  };
}

/** The request's headers for the upstream: one value per name, without those about this hop. */
function forwardedHeaders(incoming: IncomingHttpHeaders): Record<string, string> {
  const named = new Set([...HOP_BY_HOP, "host", "content-length", ...connectionTokens(incoming.connection)]);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined || named.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

function connectionTokens(value: string | undefined): string[] {
  return (value ?? "").split(",").map((token) => token.trim().toLowerCase()).filter(Boolean);
}

/** The upstream's answer as it came: status, reason, headers (but those about the hop), the exact body bytes. */
function passedOn(method: string, exchange: Extract<Exchange, { kind: "answered" }>): Reply {
  const named = new Set([...HOP_BY_HOP, "content-length", ...connectionTokens(single(exchange.headers.connection))]);
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(exchange.headers)) if (value !== undefined && !named.has(name)) headers[name] = value;
  // A HEAD answer has no body but says how long the GET's would be.
  const length = method === "HEAD" ? exchange.headers["content-length"] : exchange.body.length;
  if (length !== undefined) headers["content-length"] = length;
  return { kind: "passed-on", status: exchange.status, statusMessage: exchange.statusMessage, headers, bytes: exchange.body };
}
