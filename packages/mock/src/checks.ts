// The request checks of every mode, from the spec: path, query and header parameters (the shared parameter
// validator), the request's media type and body (the shared body validator), and its Accept (negotiation.ts). Each
// departure is a Violation, the proxy's unit of report; the mock's modes answer the first kind found with a
// ModelArts error instead (refusalOf). A violation names places and rules, never a value, so no credential or body
// content reaches a report.
import type { OpenApiDocument } from "@modelarts-pools/spec/openapi";
import type { OperationDescription } from "@modelarts-pools/spec/operations";
import { parameterValidators, requestBodyValidators, type BodyValidator, type ValidationProblem } from "@modelarts-pools/spec/validator";
import type { Answer, Errors } from "./answer.js";
import { single } from "./headers.js";
import { acceptProblem } from "./negotiation.js";
import type { Operation } from "./router.js";

export interface Violation {
  /** The operation the request was routed to; null when the spec has none at its method and path. */
  operationId: string | null;
  direction: "request" | "response";
  /** The status of the answer; null for a request (judged before it is answered or forwarded). */
  status: number | null;
  /** A JSON pointer into the body (RFC 6901); "" for the body or the message as a whole. */
  pointer: string;
  /** A JSON Schema keyword (`required`, `type`, `enum`, …) or one of `operation`, `status`, `content-type`, `json`, `body`, `accept`. */
  rule: string;
  /** One sentence naming the place and the rule. */
  message: string;
}

/** A request as the checks read it. */
export interface CheckedRequest {
  method: string;
  path: string;
  /** The path parameters, percent-decoded. */
  params: Record<string, string>;
  query: Record<string, string[]>;
  headers: Record<string, string | string[] | undefined>;
  /** The body exactly as it came. */
  bytes: Buffer;
}

export interface Findings {
  violations: Violation[];
  /** The request body, parsed, when the operation takes one and it is valid JSON; undefined otherwise. */
  body: unknown;
  /** The kind of the first violation, which decides the mock's answer. */
  refusal: "parameters" | "media-type" | "body" | "accept" | undefined;
}

/** Enough findings to fix a request; one broken everywhere would otherwise make thousands of lines. */
export const MAX_VIOLATIONS = 50;
/** How many of them the mock's 400 lists; the rest add nothing a developer needs to fix the first ones. */
const MAX_LISTED = 20;

export type RequestChecks = (operation: Operation, request: CheckedRequest) => Findings;

export function requestChecks(spec: OpenApiDocument): RequestChecks {
  const parameters = parameterValidators(spec);
  const bodies = requestBodyValidators(spec);
  return (operation, request) => {
    const found = (rule: string, message: string, pointer = ""): Violation => ({ operationId: operation.operationId, direction: "request", status: null, pointer, rule, message });
    const fromProblems = (problems: readonly ValidationProblem[]) => problems.slice(0, MAX_VIOLATIONS).map((problem) => found(problem.rule, problem.message, problem.pointer));

    const parameterViolations = fromProblems(parameters[operation.operationId]?.({ path: request.params, query: request.query, headers: request.headers }) ?? []);
    if (parameterViolations.length > 0) return { violations: parameterViolations, body: undefined, refusal: "parameters" };

    const bodyFindings = checkBody(operation, bodies[operation.operationId], single(request.headers["content-type"]), request.bytes, found, fromProblems);
    if (bodyFindings.refusal) return bodyFindings;

    const accept = acceptProblem(operation, single(request.headers["accept"]));
    if (accept) return { violations: [found("accept", accept)], body: bodyFindings.body, refusal: "accept" };
    return bodyFindings;
  };
}

function checkBody(
  operation: OperationDescription,
  validators: Record<string, BodyValidator> | undefined,
  contentType: string | undefined,
  bytes: Buffer,
  found: (rule: string, message: string, pointer?: string) => Violation,
  fromProblems: (problems: readonly ValidationProblem[]) => Violation[],
): Findings {
  const empty = bytes.toString("utf8").trim() === "";
  if (operation.requestMediaTypes.length === 0 || validators === undefined) {
    if (empty) return { violations: [], body: undefined, refusal: undefined };
    return { violations: [found("body", `${operation.operationId} takes no request body`)], body: undefined, refusal: "body" };
  }
  const mediaType = mediaTypeOf(contentType);
  if (empty && !operation.requestBodyRequired) return { violations: [], body: undefined, refusal: undefined };
  const validate = validators[mediaType];
  if (!validate) {
    const message = `Content-Type must be ${operation.requestMediaTypes.join(" or ")}, not ${mediaType || "absent"}`;
    return { violations: [found("content-type", message)], body: undefined, refusal: "media-type" };
  }
  if (empty) return { violations: [found("required", `the body is required (${mediaType})`)], body: undefined, refusal: "body" };
  // The parser's message is not kept: V8 quotes the start of the text in it, and a body may hold anything.
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString("utf8"));
  } catch {
    return { violations: [found("json", `the body is not valid JSON (${mediaType})`)], body: undefined, refusal: "body" };
  }
  const result = validate(value);
  if (result.valid) return { violations: [], body: value, refusal: undefined };
  return { violations: fromProblems(result.problems), body: value, refusal: "body" };
}

/** The mock's answer to a request its checks refused: the operation's 415 for a media type, else its 400 listing what is wrong. */
export function refusalOf(errors: Errors, operation: Operation, findings: Findings, contentType: string | undefined): Answer {
  if (findings.refusal === "media-type") return errors.unsupportedMediaType(operation, contentType ?? "");
  return errors.badRequest(operation, findings.violations.slice(0, MAX_LISTED).map((violation) => violation.message).join("; "));
}

/** The request's or answer's media type: its Content-Type without parameters, lower-cased. */
export function mediaTypeOf(header: string | string[] | undefined): string {
  return (single(header) ?? "").split(";")[0]!.trim().toLowerCase();
}

/** The violation of a request at a method and path the spec has no operation for. */
export function noOperation(method: string, path: string): Violation {
  return { operationId: null, direction: "request", status: null, pointer: "", rule: "operation", message: `the spec has no operation at ${method} ${path}` };
}
