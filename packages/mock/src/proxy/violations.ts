// Where a request or an answer departs from the spec, one finding at a time. Bodies are judged by the shared
// validator (the one the mock and the spec's tests use); the rest (an operation the spec lacks, an undocumented
// status, a media type it does not list, a body that is not JSON) by the operation's description. A finding names
// places and rules, never a value, so no credential or body content reaches a report.
import { gunzipSync, inflateSync, brotliDecompressSync } from "node:zlib";
import type { OperationDescription } from "@modelarts-pools/spec/operations";
import { schemaValidator, type BodyValidator, type ParameterValidator, type RequestParameters, type ValidationProblem } from "@modelarts-pools/spec/validator";
import type { OpenApiDocument } from "@modelarts-pools/spec/openapi";

export interface Violation {
  /** The operation the request was routed to; null when the spec has none at its method and path. */
  operationId: string | null;
  direction: "request" | "response";
  /** The status of the answer; null for a request (judged before it is forwarded). */
  status: number | null;
  /** A JSON pointer into the body (RFC 6901); "" for the body or the message as a whole. */
  pointer: string;
  /** A JSON Schema keyword (`required`, `type`, `enum`, …) or one of `operation`, `status`, `content-type`, `json`, `body`. */
  rule: string;
  /** One sentence naming the place and the rule. */
  message: string;
}

/** Enough findings to fix a body; a body broken everywhere would otherwise make thousands of lines. */
const MAX_PER_MESSAGE = 50;

export interface ResponseChecks {
  check(operation: OperationDescription, status: number, headers: Record<string, string | string[] | undefined>, body: Buffer): Violation[];
}

export function responseChecks(spec: OpenApiDocument): ResponseChecks {
  const validators = new Map<string, BodyValidator>();
  const validatorOf = (schema: string) => {
    let validate = validators.get(schema);
    if (!validate) validators.set(schema, (validate = schemaValidator(spec as never, schema)));
    return validate;
  };
  return {
    check(operation, status, headers, body) {
      const found = (rule: string, message: string, pointer = ""): Violation => ({ operationId: operation.operationId, direction: "response", status, pointer, rule, message });
      const key = [String(status), `${String(status)[0]}XX`, "default"].find((candidate) => candidate in operation.responses);
      if (key === undefined) {
        const documented = Object.keys(operation.responses).join(", ");
        return [found("status", `${operation.operationId} documents no ${status} answer (it has ${documented})`)];
      }
      const response = operation.responses[key]!;
      if (response.mediaTypes.length === 0) {
        return body.length === 0 ? [] : [found("body", `the spec documents no body for the ${status} answer of ${operation.operationId}`)];
      }
      const mediaType = mediaTypeOf(headers["content-type"]);
      if (!response.mediaTypes.includes(mediaType)) {
        return [found("content-type", `Content-Type is ${mediaType || "absent"}; the spec documents ${response.mediaTypes.join(" or ")}`)];
      }
      const decoded = decode(body, headers["content-encoding"]);
      if (decoded === undefined) return [found("body", `the body could not be decoded as ${String(headers["content-encoding"])}`)];
      const parsed = parseJson(decoded);
      if (!parsed.ok) return [found("json", `the body is not valid JSON (${mediaType})`)];
      if (response.schema === undefined) return [];
      const result = validatorOf(response.schema)(parsed.value);
      return result.valid ? [] : fromProblems(result.problems, (problem) => found(problem.rule, problem.message, problem.pointer));
    },
  };
}

/** What a request check finds, and whether the media type alone was wrong (the mock answers that one its own way). */
export interface RequestFindings {
  violations: Violation[];
  unsupportedMediaType: string | undefined;
}

export function checkRequest(
  operation: OperationDescription,
  validators: Record<string, BodyValidator> | undefined,
  contentType: string | undefined,
  body: Buffer,
): RequestFindings {
  const found = (rule: string, message: string, pointer = ""): Violation => ({ operationId: operation.operationId, direction: "request", status: null, pointer, rule, message });
  if (operation.requestMediaTypes.length === 0 || validators === undefined) return { violations: [], unsupportedMediaType: undefined };
  const mediaType = mediaTypeOf(contentType);
  const validate = validators[mediaType];
  if (!validate) {
    const message = `Content-Type must be ${operation.requestMediaTypes.join(" or ")}, not ${mediaType || "absent"}`;
    return { violations: [found("content-type", message)], unsupportedMediaType: contentType ?? "" };
  }
  if (body.length === 0) {
    const violations = operation.requestBodyRequired ? [found("required", `the body is required (${mediaType})`)] : [];
    return { violations, unsupportedMediaType: undefined };
  }
  const parsed = parseJson(body.toString("utf8"));
  if (!parsed.ok) return { violations: [found("json", `the body is not valid JSON (${mediaType})`)], unsupportedMediaType: undefined };
  const result = validate(parsed.value);
  const violations = result.valid ? [] : fromProblems(result.problems, (problem) => found(problem.rule, problem.message, problem.pointer));
  return { violations, unsupportedMediaType: undefined };
}

/** The request's path, query and header parameters, judged by the shared parameter validator (as the mock judges them). */
export function checkParameters(operation: OperationDescription, validate: ParameterValidator | undefined, request: RequestParameters): Violation[] {
  if (!validate) return [];
  return fromProblems(validate(request), (problem) => ({ operationId: operation.operationId, direction: "request", status: null, pointer: "", rule: problem.rule, message: problem.message }));
}

export function noOperation(method: string, path: string): Violation {
  return { operationId: null, direction: "request", status: null, pointer: "", rule: "operation", message: `the spec has no operation at ${method} ${path}` };
}

function fromProblems(problems: readonly ValidationProblem[], toViolation: (problem: ValidationProblem) => Violation): Violation[] {
  return problems.slice(0, MAX_PER_MESSAGE).map(toViolation);
}

function mediaTypeOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return (value ?? "").split(";")[0]!.trim().toLowerCase();
}

// The answer is passed on exactly as it came, compressed or not; only the copy that is judged is decoded.
function decode(body: Buffer, encoding: string | string[] | undefined): string | undefined {
  const name = (Array.isArray(encoding) ? encoding[0] : encoding)?.trim().toLowerCase() ?? "identity";
  try {
    if (name === "identity" || name === "") return body.toString("utf8");
    if (name === "gzip" || name === "x-gzip") return gunzipSync(body).toString("utf8");
    if (name === "deflate") return inflateSync(body).toString("utf8");
    if (name === "br") return brotliDecompressSync(body).toString("utf8");
  } catch {
    // reported by the caller
  }
  return undefined;
}

// The parser's message is not kept: V8 quotes the start of the text in it, and a body may hold anything.
function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
