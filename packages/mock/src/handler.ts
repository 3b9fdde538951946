// One request, from the wire to an answer the spec allows. The order is the live API's: route, credentials,
// parameters, media type, body, then the answer (the pool store's in stateful mode, Prism's examples otherwise).
import type { IncomingMessage, ServerResponse } from "node:http";
import { queryValuesOf, type BodyValidator, type ParameterValidator } from "@modelarts-pools/spec/validator";
import type { Answer, Errors } from "./answer.js";
import { readBody } from "./body.js";
import { corsHeaders, preflightHeaders } from "./cors.js";
import type { CredentialsCheck } from "./credentials.js";
import { preferencesOf, readPreference } from "./prefer.js";
import type { PrismEngine } from "./prism-engine.js";
import { findRoute, type Operation } from "./spec.js";
import type { StatefulAnswers } from "./stateful.js";
import { single } from "./headers.js";

export interface HandlerContext {
  operations: readonly Operation[];
  /** operationId → media type → the shared validator of that request body. */
  validators: Record<string, Record<string, BodyValidator>>;
  /** operationId → the shared validator of its path, query and header parameters. */
  parameters: Record<string, ParameterValidator>;
  errors: Errors;
  credentialsProblem: CredentialsCheck;
  prism: PrismEngine;
  /** Present in stateful mode. */
  stateful: StatefulAnswers | undefined;
  bodyLimit: number;
  /** Headers a CORS preflight allows. */
  allowedHeaders: readonly string[];
  onError: (error: unknown) => void;
}

/** How many validation problems one answer lists; the rest add nothing a developer needs to fix the first ones. */
const MAX_PROBLEMS = 20;

export function createHandler(context: HandlerContext): (request: IncomingMessage, response: ServerResponse) => void {
  const methods = [...new Set(context.operations.map((operation) => operation.method))];
  return (request, response) => {
    response.on("error", () => undefined); // a client that hangs up mid-answer is not the mock's problem
    handle(context, methods, request, response).catch((error: unknown) => {
      context.onError(error);
      if (!response.headersSent) {
        send(response, context.errors.failed(), corsHeaders(single(request.headers.origin)));
      } else {
        response.destroy();
      }
    });
  };
}

async function handle(context: HandlerContext, methods: string[], request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { errors } = context;
  const origin = single(request.headers.origin);
  const method = (request.method ?? "GET").toUpperCase();

  if (method === "OPTIONS") {
    request.resume();
    response.writeHead(204, preflightHeaders(origin, methods, context.allowedHeaders)).end();
    return;
  }
  const cors = corsHeaders(origin);

  const body = await readBody(request, context.bodyLimit);
  if (body.kind === "broken") return void response.destroy();
  if (body.kind === "too-large") {
    const answer = errors.badRequest(undefined, `the body is larger than ${context.bodyLimit} bytes`);
    // A body read to its end leaves the connection clean; one given up on leaves the rest unread, so it closes.
    return send(response, answer, body.drained ? cors : { ...cors, connection: "close" });
  }

  let path: string;
  let query: Record<string, string>;
  let queryValues: Record<string, string[]>;
  try {
    const url = new URL(request.url ?? "/", "http://mock.invalid");
    path = url.pathname;
    query = Object.fromEntries(url.searchParams);
    queryValues = queryValuesOf(url.searchParams);
  } catch {
    return send(response, errors.badRequest(undefined, "the request target is not a valid URL"), cors);
  }

  const route = findRoute(context.operations, method, path);
  if (!route) return send(response, errors.noSuchOperation(method, path), cors);
  const { operation, params } = route;
  if (!params) return send(response, errors.badRequest(operation, "the path is not valid percent-encoding"), cors);

  const credentials = context.credentialsProblem(request.headers);
  if (credentials) return send(response, errors.badRequest(operation, credentials), cors);

  const parameterProblems = context.parameters[operation.operationId]?.({ path: params, query: queryValues, headers: request.headers }) ?? [];
  if (parameterProblems.length > 0) return send(response, errors.badRequest(operation, listed(parameterProblems)), cors);

  const parsed = parseBody(context, operation, single(request.headers["content-type"]), body.text);
  if (!parsed.ok) return send(response, parsed.answer, cors);

  const prefer = single(request.headers.prefer);
  const preferred = readPreference(prefer, operation);
  if (!preferred.ok) return send(response, errors.badRequest(operation, preferred.problem), cors);
  const { preference } = preferred;

  // Stateful mode keeps pools; a Prefer header still asks for the spec's examples, stateful or not.
  const chooses = preference.code !== undefined || preference.exampleKey !== undefined;
  if (context.stateful && !chooses) {
    const answer = context.stateful(operation, { path: params, query, preferences: preferencesOf(prefer), body: parsed.value });
    if (answer) return send(response, answer, cors);
  }

  const headers = Object.fromEntries(Object.entries(request.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(single(value))]])));
  const prism = await context.prism.answer({ method: lowerCase(operation.method), url: { path, query }, headers, body: parsed.value }, preference);
  if (!prism.ok) return send(response, errors.badRequest(operation, prism.detail), cors);
  const { status, body: answered, headers: prismHeaders } = prism.answer;
  // Prism picked the example from one of the operation's responses: the answer has that response's media type.
  const mediaType = operation.responses[String(status)]?.mediaTypes[0] ?? "";
  send(response, { status, body: answered, mediaType }, { ...prismHeaders, ...cors });
}

type Parsed = { ok: true; value: unknown } | { ok: false; answer: Answer };

/** The request body as the operation takes it: of a media type it takes, JSON, valid; or the answer that says why not. */
function parseBody(context: HandlerContext, operation: Operation, contentType: string | undefined, text: string): Parsed {
  const { errors } = context;
  const empty = text.trim() === "";
  if (operation.requestMediaTypes.length === 0) {
    if (empty) return { ok: true, value: undefined };
    return { ok: false, answer: errors.badRequest(operation, `${operation.operationId} takes no request body`) };
  }
  const mediaType = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (empty && !operation.requestBodyRequired) return { ok: true, value: undefined };
  const validate = context.validators[operation.operationId]?.[mediaType];
  if (!validate) return { ok: false, answer: errors.unsupportedMediaType(operation, contentType ?? "") };
  if (empty) return { ok: false, answer: errors.badRequest(operation, `body is required (${mediaType})`) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, answer: errors.badRequest(operation, `the body is not valid JSON (${(error as Error).message})`) };
  }
  const validation = validate(value);
  if (validation.valid) return { ok: true, value };
  return { ok: false, answer: errors.badRequest(operation, listed(validation.problems)) };
}

/** The first problems of a request, one sentence each. */
function listed(problems: readonly { message: string }[]): string {
  return problems.slice(0, MAX_PROBLEMS).map((problem) => problem.message).join("; ");
}

/** Prism spells methods in lower case, as the document does. */
function lowerCase<Method extends string>(method: Method): Lowercase<Method> {
  return method.toLowerCase() as Lowercase<Method>;
}

function send(response: ServerResponse, answer: Answer, headers: Record<string, string>): void {
  // An answer the spec gives no body (batchDeletePoolNodes' 200) goes with none.
  const payload = answer.body === undefined ? "" : typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
  const lowerCased = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const type = answer.mediaType ? { "content-type": answer.mediaType } : {};
  response.writeHead(answer.status, { ...lowerCased, ...type, "content-length": Buffer.byteLength(payload) });
  response.end(payload);
}
