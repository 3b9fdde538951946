// One request, from the wire to an answer the spec allows. The order is the live API's: route, credentials, media
// type, body, then the answer (the pool store's in stateful mode, Prism's examples otherwise).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CreatePoolRequest, UpdatePoolRequest } from "@modelarts-pools/types";
import type { BodyValidator } from "@modelarts-pools/spec/validator";
import type { Answer, Errors } from "./answer.js";
import { readBody } from "./body.js";
import { corsHeaders, preflightHeaders } from "./cors.js";
import { credentialsProblem } from "./credentials.js";
import type { PoolStore } from "./pool-store.js";
import { readPreference } from "./prefer.js";
import type { PrismEngine } from "./prism-engine.js";
import type { Operation } from "./spec.js";
import { single } from "./headers.js";

export interface HandlerContext {
  operations: readonly Operation[];
  /** operationId → media type → the shared validator of that request body. */
  validators: Record<string, Record<string, BodyValidator>>;
  errors: Errors;
  prism: PrismEngine;
  /** Present in stateful mode. */
  store: PoolStore | undefined;
  bodyLimit: number;
  /** Headers a CORS preflight allows. */
  allowedHeaders: readonly string[];
  onError: (error: unknown) => void;
}

/** How many validation problems one answer lists; the rest add nothing a developer needs to fix the first ones. */
const MAX_PROBLEMS = 20;

export function createHandler(context: HandlerContext): (request: IncomingMessage, response: ServerResponse) => void {
  const methods = [...new Set(context.operations.map((operation) => operation.method.toUpperCase()))];
  return (request, response) => {
    response.on("error", () => undefined); // a client that hangs up mid-answer is not the mock's problem
    handle(context, methods, request, response).catch((error: unknown) => {
      context.onError(error);
      if (!response.headersSent) {
        const failed = context.errors.badRequest("the mock failed to answer this request (its log says why)");
        send(response, { status: 500, body: failed.body }, corsHeaders(single(request.headers.origin)));
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
    // The rest of the body is never read, so this connection cannot carry another request.
    const answer = errors.badRequest(`the body is larger than ${context.bodyLimit} bytes`);
    return send(response, answer, { ...cors, connection: "close" });
  }

  let path: string;
  let query: Record<string, string>;
  try {
    const url = new URL(request.url ?? "/", "http://mock.invalid");
    path = url.pathname;
    query = Object.fromEntries(url.searchParams);
  } catch {
    return send(response, errors.badRequest("the request target is not a valid URL"), cors);
  }

  const route = findRoute(context.operations, method, path);
  if (!route) return send(response, errors.noSuchOperation(method, path, context.operations), cors);
  if (!route.params) return send(response, errors.badRequest("the path is not valid percent-encoding"), cors);
  const { operation, params } = route;

  const credentials = credentialsProblem(request.headers);
  if (credentials) return send(response, errors.badRequest(credentials), cors);

  const contentType = single(request.headers["content-type"]);
  const mediaType = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  const validate = context.validators[operation.operationId]?.[mediaType];
  if (!validate) return send(response, errors.unsupportedContentType(operation, contentType ?? ""), cors);

  if (body.text.trim() === "") return send(response, errors.badRequest(`body is required (${mediaType})`), cors);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.text);
  } catch (error) {
    return send(response, errors.badRequest(`the body is not valid JSON (${(error as Error).message})`), cors);
  }
  const validation = validate(parsed);
  if (!validation.valid) {
    const messages = validation.problems.slice(0, MAX_PROBLEMS).map((problem) => problem.message);
    return send(response, errors.badRequest(messages.join("; ")), cors);
  }

  const preferred = readPreference(single(request.headers.prefer), operation);
  if (!preferred.ok) return send(response, errors.badRequest(preferred.problem), cors);
  const { preference } = preferred;

  // Stateful mode keeps pools; a Prefer header still asks for the spec's examples, stateful or not.
  const chooses = preference.code !== undefined || preference.exampleKey !== undefined;
  if (context.store && !chooses) {
    const answer = answerFromStore(context.store, operation, params, parsed);
    if (answer) return send(response, answer, cors);
  }

  const prism = await context.prism.answer(
    { method: operation.method as never, url: { path, query }, headers: request.headers as Record<string, string>, body: parsed },
    preference,
  );
  if (!prism.ok) return send(response, errors.badRequest(prism.detail), cors);
  send(response, prism.answer, { ...prism.answer.headers, ...cors });
}

function answerFromStore(store: PoolStore, operation: Operation, params: Record<string, string>, body: unknown): Answer | undefined {
  const projectId = params["project_id"]!;
  switch (operation.operationId) {
    case "createPool":
      return store.createPool(projectId, body as CreatePoolRequest);
    case "updatePool":
      return store.updatePool(projectId, params["pool_name"]!, body as UpdatePoolRequest);
    default:
      return undefined;
  }
}

type Route = { operation: Operation; params: Record<string, string> | undefined };

function findRoute(operations: readonly Operation[], method: string, path: string): Route | undefined {
  for (const operation of operations) {
    if (operation.method.toUpperCase() !== method) continue;
    const match = operation.pattern.exec(path);
    if (!match) continue;
    try {
      const params = Object.fromEntries(operation.parameters.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]));
      return { operation, params };
    } catch {
      return { operation, params: undefined };
    }
  }
  return undefined;
}

function send(response: ServerResponse, answer: Answer, headers: Record<string, string>): void {
  const payload = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
  const lowerCased = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  response.writeHead(answer.status, { ...lowerCased, "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
  response.end(payload);
}
