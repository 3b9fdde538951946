// Proxy mode: every request goes to the upstream (the live API, or anything answering like it) and its answer comes
// back unchanged, status, headers and body bytes; on the way, both are judged against the spec and each departure is
// told to onViolation. The mock answers itself only what cannot or must not be forwarded: a preflight, a body over
// the limit, an invalid request in strict mode, an AK/SK request it cannot sign again, and the upstream's failures.
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { AkSkCredentials } from "@modelarts-pools/client";
import type { OpenApiDocument } from "@modelarts-pools/spec/openapi";
import { parameterValidators, queryValuesOf, requestBodyValidators } from "@modelarts-pools/spec/validator";
import type { Answer, Errors } from "../answer.js";
import type { Clock } from "../clock.js";
import { readBody } from "../body.js";
import { corsHeaders, preflightHeaders } from "../cors.js";
import { single } from "../headers.js";
import { findRoute, type Operation } from "../spec.js";
import { isSigned, noCredentialsProblem, resign } from "./resign.js";
import { upstreamClient, upstreamUrl, type Exchange } from "./upstream.js";
import { checkParameters, checkRequest, noOperation, responseChecks, type Violation } from "./violations.js";

export interface ProxySettings {
  upstream: URL;
  /** Answer an invalid request as the mock does (400), instead of forwarding it. */
  strict: boolean;
  /** Longest wait for the upstream's whole answer. */
  timeoutMs: number;
  /** Largest request body forwarded, in bytes. */
  bodyLimit: number;
  /** For signing AK/SK requests again; without them such a request is refused. */
  credentials: AkSkCredentials | undefined;
  onViolation: (violation: Violation) => void;
}

export interface ProxyContext {
  spec: OpenApiDocument;
  /** The mock's own operations and error answers, for the answers strict mode gives as the mock would. */
  operations: readonly Operation[];
  errors: Errors;
  allowedHeaders: readonly string[];
  onError: (error: unknown) => void;
  /** Runs the upstream time-out. */
  clock: Clock;
}

export interface Proxy {
  handler: (request: IncomingMessage, response: ServerResponse) => void;
  /** Ends the exchanges still open and the kept-alive connections to the upstream. */
  close(): void;
}

/** An answer larger than this is not buffered (it must be, to be judged): the caller gets 502 instead. */
const ANSWER_LIMIT = 16 * 1024 * 1024;

// Headers about one connection, not the message (RFC 9110 §7.6.1), and those recomputed for the bytes sent.
const HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "expect"];

export function createProxy(context: ProxyContext, settings: ProxySettings): Proxy {
  const requestValidators = requestBodyValidators(context.spec);
  const parameterChecks = parameterValidators(context.spec);
  const answers = responseChecks(context.spec);
  const upstream = upstreamClient(context.clock);
  const upstreamName = settings.upstream.href.replace(/\/$/, "");
  const methods = [...new Set(context.operations.map((operation) => operation.method))];
  const { errors } = context;

  const report = (violations: readonly Violation[]) => {
    for (const violation of violations) settings.onViolation(violation);
  };
  // The API documents no gateway error: the bad request's code and media type, with the proxy's own message.
  const failure = (status: 500 | 502 | 504, message: string): Answer => {
    const { body, mediaType } = errors.badRequest(undefined, message);
    return { status, body: { ...(body as object), error_msg: message }, mediaType };
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const origin = single(request.headers.origin);
    const method = (request.method ?? "GET").toUpperCase();
    if (method === "OPTIONS") {
      // A browser asks the mock, whose origin it sees, and the live API would not allow a local page anyway.
      request.resume();
      response.writeHead(204, preflightHeaders(origin, methods, context.allowedHeaders)).end();
      return;
    }
    const cors = corsHeaders(origin);
    const body = await readBody(request, settings.bodyLimit);
    if (body.kind === "broken") return void response.destroy();
    if (body.kind === "too-large") {
      return sendJson(response, errors.badRequest(undefined, `the body is larger than ${settings.bodyLimit} bytes`), { ...cors, connection: "close" });
    }

    const target = request.url ?? "/";
    let url: URL;
    try {
      url = new URL(target, "http://proxy.invalid");
    } catch {
      return sendJson(response, errors.badRequest(undefined, "the request target is not a valid URL"), cors);
    }
    const path = url.pathname;
    const route = findRoute(context.operations, method, path);
    const operation = route?.operation;
    const query = queryValuesOf(url.searchParams);
    const parameters = operation ? checkParameters(operation, parameterChecks[operation.operationId], { path: route.params ?? {}, query, headers: request.headers }) : [];
    const checked = operation
      ? checkRequest(operation, requestValidators[operation.operationId], single(request.headers["content-type"]), body.bytes)
      : { violations: [noOperation(method, path)], unsupportedMediaType: undefined };
    const found = { ...checked, violations: [...parameters, ...checked.violations] };
    report(found.violations);
    if (settings.strict && found.violations.length > 0) {
      return sendJson(response, strictAnswer(operation, found.unsupportedMediaType, found.violations, method, path), cors);
    }

    const upstreamTarget = upstreamUrl(settings.upstream, target);
    let headers = forwardedHeaders(request.headers);
    if (isSigned(headers)) {
      if (!settings.credentials) return sendJson(response, errors.badRequest(operation, noCredentialsProblem), cors);
      headers = await resign(settings.credentials, method, upstreamTarget, headers, body.bytes);
    } else {
      headers["host"] = upstreamTarget.host;
    }
    const sent: OutgoingHttpHeaders = { ...headers };
    if (body.bytes.length > 0 || request.headers["content-length"] !== undefined) sent["content-length"] = body.bytes.length;

    const exchange = await upstream.exchange({ method, url: upstreamTarget, headers: sent, body: body.bytes }, settings.timeoutMs, ANSWER_LIMIT);
    if (exchange.kind !== "answered") return sendJson(response, failed(exchange, operation?.operationId ?? `${method} ${path}`), cors);
    if (operation) report(answers.check(operation, exchange.status, exchange.headers, exchange.body));
    passOn(response, method, exchange, cors);
  }

  function strictAnswer(operation: Operation | undefined, mediaType: string | undefined, violations: readonly Violation[], method: string, path: string): Answer {
    if (operation === undefined) return errors.noSuchOperation(method, path);
    if (mediaType !== undefined) return errors.unsupportedMediaType(operation, mediaType);
    return errors.badRequest(operation, violations.map((violation) => violation.message).join("; "));
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
    handler: (request, response) => {
      response.on("error", () => undefined); // a caller that hangs up mid-answer is not the proxy's problem
      handle(request, response).catch((error: unknown) => {
        context.onError(error);
        if (response.headersSent) return void response.destroy();
        sendJson(response, failure(500, "the mock failed to proxy this request (its log says why)"), corsHeaders(single(request.headers.origin)));
      });
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
function passOn(response: ServerResponse, method: string, exchange: Extract<Exchange, { kind: "answered" }>, cors: Record<string, string>): void {
  const named = new Set([...HOP_BY_HOP, "content-length", ...connectionTokens(single(exchange.headers.connection))]);
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(exchange.headers)) if (value !== undefined && !named.has(name)) headers[name] = value;
  // A HEAD answer has no body but says how long the GET's would be.
  const length = method === "HEAD" ? exchange.headers["content-length"] : exchange.body.length;
  if (length !== undefined) headers["content-length"] = length;
  response.writeHead(exchange.status, exchange.statusMessage, { ...headers, ...cors });
  response.end(exchange.body);
}

function sendJson(response: ServerResponse, answer: Answer, headers: Record<string, string>): void {
  const payload = JSON.stringify(answer.body);
  response.writeHead(answer.status, { ...headers, "content-type": answer.mediaType, "content-length": Buffer.byteLength(payload) });
  response.end(payload);
}
