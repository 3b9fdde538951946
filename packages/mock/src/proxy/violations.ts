// Where an upstream's answer departs from the spec, one finding at a time (a request's departures are the checks of
// every mode, checks.ts). Bodies are judged by the shared validator; the rest (an undocumented status, a media type
// it does not list, a body that is not JSON) by the operation's description. A finding names places and rules, never
// a value, so no credential or body content reaches a report.
import { gunzipSync, inflateSync, brotliDecompressSync } from "node:zlib";
import type { OperationDescription } from "@modelarts-pools/spec/operations";
import { schemaValidator, type BodyValidator, type ValidationProblem } from "@modelarts-pools/spec/validator";
import type { OpenApiDocument } from "@modelarts-pools/spec/openapi";
import { mediaTypeOf, MAX_VIOLATIONS, type Violation } from "../checks.js";

export type { Violation };

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

function fromProblems(problems: readonly ValidationProblem[], toViolation: (problem: ValidationProblem) => Violation): Violation[] {
  return problems.slice(0, MAX_VIOLATIONS).map(toViolation);
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
