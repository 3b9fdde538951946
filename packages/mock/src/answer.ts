// What the mock sends back: a status and a JSON body. Every error body is one of the spec's named error examples, so
// the codes and wording come from the spec (ModelArts.50004000 "Bad request", ModelArts.50015001 "pool not found", …).
import type { ModelArtsError } from "@modelarts-pools/types";
import { namedExample } from "@modelarts-pools/spec/openapi";
import type { OpenApiDocument, Operation } from "./spec.js";

export interface Answer {
  status: number;
  body: unknown;
}

export interface Errors {
  /** 400 ModelArts.50004000; the detail says what was wrong, naming the field or header. */
  badRequest(detail: string): Answer;
  /** The operation's answer to a body sent as a media type it does not take. */
  unsupportedContentType(operation: Operation, mediaType: string): Answer;
  /** 409 ModelArts.50015000. */
  poolAlreadyExists(): Answer;
  /** 404 ModelArts.50015001. */
  poolNotFound(): Answer;
  /** A method and path the spec has no operation for. */
  noSuchOperation(method: string, path: string, operations: readonly Operation[]): Answer;
}

export function errorsOf(spec: OpenApiDocument, operations: readonly Operation[]): Errors {
  // The status an example is answered with is the status of the response that holds it in the spec.
  const statusOf = (name: string): number => {
    for (const operation of operations) {
      for (const [status, examples] of operation.responses) if (examples.includes(name)) return status;
    }
    throw new Error(`no response of the spec holds the example ${name}`);
  };
  const named = (name: string): Answer => ({ status: statusOf(name), body: namedExample<ModelArtsError>(spec, name) });
  const badRequest = (detail: string): Answer => {
    const body = namedExample<ModelArtsError>(spec, "badRequest");
    return { status: statusOf("badRequest"), body: { ...body, error_msg: `${body.error_msg}: ${detail}` } };
  };

  return {
    badRequest,
    unsupportedContentType(operation, mediaType) {
      // The live API words this one itself (updatePool's contentTypeNotSupported); elsewhere it is a plain bad request.
      const specific = operation.responses.get(400)?.includes("contentTypeNotSupported");
      if (specific) return named("contentTypeNotSupported");
      const allowed = operation.requestMediaTypes.join(" or ");
      return badRequest(`Content-Type must be ${allowed}, not ${mediaType || "absent"}`);
    },
    poolAlreadyExists: () => named("poolAlreadyExists"),
    poolNotFound: () => named("poolNotFound"),
    noSuchOperation(method, path, all) {
      const served = all.map((operation) => `${operation.operationId} (${operation.method.toUpperCase()} ${operation.path})`);
      return {
        status: 404,
        body: {
          ...namedExample<ModelArtsError>(spec, "badRequest"),
          error_msg: `No operation at ${method} ${path}; the mock serves ${served.join(" and ")}`,
        },
      };
    },
  };
}
