// One request, from the socket to its answer, the same way in every mode (examples, dynamic, stateful, proxy):
//   read the body → the mock's own routes (admin.ts) → route (router.ts) → authenticate (credentials.ts,
//   signatures.ts) → check parameters, body and Accept (checks.ts) → fault or answer (faults.ts; the mode's answerer:
//   answerers.ts, or proxy/forward.ts) → wait out the latency → record (journal.ts) → send (reply.ts).
// The modes differ only in their answerer and in what a failed check does: the mock's modes refuse the request with a
// ModelArts error; the proxy reports it and forwards the request anyway, unless strict. Prefer is parsed once, here.
import type { IncomingMessage, ServerResponse } from "node:http";
import { queryValuesOf } from "@modelarts-pools/spec/validator";
import { adminAnswer, type AdminContext } from "./admin.js";
import type { Errors } from "./answer.js";
import { readBody } from "./body.js";
import { noOperation, refusalOf, type Findings, type RequestChecks, type Violation } from "./checks.js";
import { sleep, type Clock } from "./clock.js";
import { corsHeaders, preflightHeaders } from "./cors.js";
import type { CredentialsCheck } from "./credentials.js";
import { FAULT_TIMEOUT_MAX_MS, type Fault, type Faults } from "./faults.js";
import { single } from "./headers.js";
import { journalBody, journalHeaders, type Journal } from "./journal.js";
import { preferencesOf } from "./prefer.js";
import { answered, send, type Reply } from "./reply.js";
import { findRoute, type Operation, type Route } from "./router.js";
import type { SignatureVerifier } from "./signatures.js";

/** A request that reached its mode's answerer. */
export interface Arrived {
  method: string;
  /** The request target as it came (path and query). */
  target: string;
  path: string;
  /** The query, each name with all its values. */
  query: Record<string, string[]>;
  headers: IncomingMessage["headers"];
  bytes: Buffer;
  /** The operation and its path parameters; undefined for a path the spec lacks (proxy mode forwards those). */
  route: Route | undefined;
  /** What the checks found; the parsed body among it. */
  findings: Findings;
  /** The Prefer header's preferences (prefer.ts). */
  preferences: ReadonlyMap<string, string>;
}

/** What a mode answers with, and the departures from the spec it found on the way (proxy mode: the upstream's). */
export interface Answered {
  reply: Reply;
  violations?: Violation[];
}

export interface Answerer {
  /** `refuse`: a failed check is answered with the mock's error; `report`: it is reported and the request still answered (proxy). */
  onFailedCheck: "refuse" | "report";
  /** Whether the request's credentials are checked here (the proxy leaves them to the upstream). */
  checksCredentials: boolean;
  answer(request: Arrived & { route: Route }): Promise<Answered>;
  /** Proxy mode answers a path the spec lacks too (it forwards it); the mock's modes never get one. */
  answerUnrouted?(request: Arrived): Promise<Answered>;
  /** Told about each departure from the spec as it is found (proxy mode). */
  onViolation?(violation: Violation): void;
}

export interface PipelineContext {
  operations: readonly Operation[];
  errors: Errors;
  checks: RequestChecks;
  credentialsProblem: CredentialsCheck;
  /** Present with --verify-signatures. */
  verifySignature: SignatureVerifier | undefined;
  faults: Faults;
  journal: Journal;
  clock: Clock;
  bodyLimit: number;
  /** Headers a CORS preflight allows. */
  allowedHeaders: readonly string[];
  admin: Omit<AdminContext, "journal" | "refused">;
  onError: (error: unknown) => void;
}

type Outcome = { kind: "reply"; reply: Reply; violations: Violation[]; fault: Fault | undefined } | { kind: "fault"; fault: Extract<Fault, { kind: "reset" | "timeout" }>; violations: Violation[] };

export function createPipeline(context: PipelineContext, answerer: Answerer): (request: IncomingMessage, response: ServerResponse) => void {
  const methods = [...new Set(context.operations.map((operation) => operation.method))];
  const { errors } = context;
  const admin: AdminContext = { ...context.admin, journal: context.journal, refused: (status, message) => errors.ownWords(status, message) };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const arrivedAt = context.clock.now();
    const origin = single(request.headers.origin);
    const method = (request.method ?? "GET").toUpperCase();
    const target = request.url ?? "/";
    const record = (path: string, route: Route | undefined, query: Record<string, string[]>, bytes: Buffer, status: number | null, fault: Fault | undefined, violations: Violation[]) =>
      context.journal.record({
        operationId: route?.operation.operationId ?? null,
        method,
        path,
        pathParameters: route?.params ?? {},
        query,
        headers: journalHeaders(request.headers),
        body: journalBody(bytes),
        status,
        fault: fault === undefined ? null : fault.kind === "status" ? String(fault.status) : fault.kind,
        violations,
        time: new Date(arrivedAt).toISOString(),
      });

    if (method === "OPTIONS") {
      // A browser asks the mock, whose origin it sees (in proxy mode too: the live API would not allow a local page).
      request.resume();
      response.writeHead(204, preflightHeaders(origin, methods, context.allowedHeaders)).end();
      return;
    }
    const cors = corsHeaders(origin);
    const body = await readBody(request, context.bodyLimit);
    if (body.kind === "broken") return void response.destroy();
    if (body.kind === "too-large") {
      const answer = errors.badRequest(undefined, `the body is larger than ${context.bodyLimit} bytes`);
      record(target.split("?")[0]!, undefined, {}, Buffer.alloc(0), answer.status, undefined, []);
      // A body read to its end leaves the connection clean; one given up on leaves the rest unread, so it closes.
      return send(response, answered(answer), body.drained ? cors : { ...cors, connection: "close" });
    }

    let url: URL;
    try {
      url = new URL(target, "http://mock.invalid");
    } catch {
      const answer = errors.badRequest(undefined, "the request target is not a valid URL");
      record(target, undefined, {}, body.bytes, answer.status, undefined, []);
      return send(response, answered(answer), cors);
    }
    const adminReply = await adminAnswer(admin, method, url);
    if (adminReply) return send(response, answered(adminReply), cors);

    const path = url.pathname;
    const query = queryValuesOf(url.searchParams);
    const route = findRoute(context.operations, method, path);
    const preferences = preferencesOf(single(request.headers.prefer));
    // Drawn once, before the answer: the latency is waited out by every answer the spec's routes give, faults included.
    const delay = context.faults.delayFor(preferences);
    const arrived = { method, target, path, query, headers: request.headers, bytes: body.bytes, route, preferences, findings: { violations: [], body: undefined, refusal: undefined } };
    const outcome = await decide(arrived, delay.ok ? undefined : delay.problem);
    if (delay.ok && delay.ms > 0) await sleep(context.clock, delay.ms);
    if (outcome.kind === "fault") {
      record(path, route, query, body.bytes, null, outcome.fault, outcome.violations);
      if (outcome.fault.kind === "reset") return void request.socket.destroy();
      // Held, unanswered, until the client gives up and closes it, or the mock does after FAULT_TIMEOUT_MAX_MS.
      const timer = context.clock.setTimeout(() => request.socket.destroy(), FAULT_TIMEOUT_MAX_MS);
      request.socket.once("close", () => context.clock.clearTimeout(timer));
      return;
    }
    record(path, route, query, body.bytes, outcome.reply.status, outcome.fault, outcome.violations);
    send(response, outcome.reply, cors);
  }

  /** The outcome of a routed (or, in proxy mode, unrouted) request: the mock's refusal, a fault, or the mode's answer. */
  async function decide(arrived: Arrived, delayProblem: string | undefined): Promise<Outcome> {
    const reporting = answerer.onFailedCheck === "report";
    const violations: Violation[] = [];
    const found = (more: readonly Violation[]) => {
      violations.push(...more);
      for (const violation of more) answerer.onViolation?.(violation);
    };
    const refuse = (reply: Reply): Outcome => ({ kind: "reply", reply, violations, fault: undefined });
    const { route } = arrived;

    if (!route) {
      found([noOperation(arrived.method, arrived.path)]);
      if (!reporting || !answerer.answerUnrouted) return refuse(answered(errors.noSuchOperation(arrived.method, arrived.path)));
      return answerWith(() => answerer.answerUnrouted!(arrived));
    }
    const { operation } = route;
    if (!route.params && !reporting) return refuse(answered(errors.badRequest(operation, "the path is not valid percent-encoding")));
    if (answerer.checksCredentials) {
      const credentials = context.credentialsProblem(arrived.headers);
      if (credentials) return refuse(answered(errors.badRequest(operation, credentials)));
      const unsigned = await context.verifySignature?.({ method: arrived.method, target: arrived.target, headers: arrived.headers, bytes: arrived.bytes });
      if (unsigned) return refuse(answered(unsigned));
    }
    const findings = context.checks(operation, { method: arrived.method, path: arrived.path, params: route.params ?? {}, query: arrived.query, headers: arrived.headers, bytes: arrived.bytes });
    found(findings.violations);
    if (findings.refusal && !reporting) return refuse(answered(refusalOf(errors, operation, findings, single(arrived.headers["content-type"]))));
    if (delayProblem) return refuse(answered(errors.badRequest(operation, delayProblem)));
    const fault = context.faults.faultFor(arrived.preferences);
    if (!fault.ok) return refuse(answered(errors.badRequest(operation, fault.problem)));
    if (fault.fault?.kind === "reset" || fault.fault?.kind === "timeout") return { kind: "fault", fault: fault.fault, violations };
    if (fault.fault?.kind === "status") {
      const { status } = fault.fault;
      const words = status === 429 ? "too many requests: the mock answers this one 429 on purpose (a fault)" : "service unavailable: the mock answers this one 503 on purpose (a fault)";
      const reply = answered(errors.ownWords(status, words), { "retry-after": String(context.faults.retryAfterSeconds) });
      return { kind: "reply", reply, violations, fault: fault.fault };
    }
    return answerWith(() => answerer.answer({ ...arrived, route, findings }));

    async function answerWith(answer: () => Promise<Answered>): Promise<Outcome> {
      const { reply, violations: more = [] } = await answer();
      found(more);
      return { kind: "reply", reply, violations, fault: undefined };
    }
  }

  return (request, response) => {
    response.on("error", () => undefined); // a client that hangs up mid-answer is not the mock's problem
    handle(request, response).catch((error: unknown) => {
      context.onError(error);
      if (response.headersSent) return void response.destroy();
      send(response, answered(errors.failed()), corsHeaders(single(request.headers.origin)));
    });
  };
}
