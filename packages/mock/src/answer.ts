// What the mock sends back: a status and a JSON body. Every error body is one of the spec's examples, chosen from the
// operation's own responses by the HTTP status of the situation (400 a bad request, 404 not found, 409 a conflict,
// 415 a media type it does not take), so codes and wording come from the spec, never from here.
import type { ModelArtsError } from "@modelarts-pools/types";
import { namedExample, type OpenApiDocument } from "@modelarts-pools/spec/openapi";
import type { Operation } from "./router.js";

export interface Answer {
  status: number;
  body: unknown;
  /** The Content-Type of the answer: the media type of the spec's response it comes from. */
  mediaType: string;
}

/** The situations the mock answers with an error, named by the status HTTP gives each. */
const BAD_REQUEST = 400;
const NOT_FOUND = 404;
const CONFLICT = 409;
const UNSUPPORTED_MEDIA_TYPE = 415;

export interface Errors {
  /** The operation's bad request (400 ModelArts.50004000); the detail says what was wrong, naming the field or header. */
  badRequest(operation: Operation | undefined, detail: string): Answer;
  /** The operation's answer to a body sent as a media type it does not take. */
  unsupportedMediaType(operation: Operation, mediaType: string): Answer;
  /** The operation's answer to a name the scope does not hold (404 ModelArts.50015001 for pools). */
  notFound(operation: Operation, detail: string): Answer;
  /** The operation's answer to a second item of the same name (409 ModelArts.50015000 for pools). */
  conflict(operation: Operation, detail: string): Answer;
  /** A method and path the spec has no operation for. */
  noSuchOperation(method: string, path: string): Answer;
  /** A failure inside the mock: a bug, reported to `onError`; the client gets 500 and a ModelArts body saying so. */
  failed(): Answer;
  /** A situation no example of the spec words (a fault on purpose, a wrong admin request): the bad request's code, the mock's message. */
  ownWords(status: number, message: string): Answer;
}

/** An example of the spec, and the status and media type of the response that holds it. */
interface Chosen {
  status: number;
  example: string;
  mediaType: string;
}

/**
 * The example an operation answers a situation with: one its responses mark as answering that status (`x-answers`),
 * else the first unmarked example of its response with that status.
 */
function exampleFor(operation: Operation, status: number): Chosen | undefined {
  for (const [code, response] of Object.entries(operation.responses)) {
    for (const [example, answers] of Object.entries(response.answers ?? {})) {
      if (answers === status) return { status: Number(code), example, mediaType: response.mediaTypes[0]! };
    }
  }
  const own = operation.responses[String(status)];
  const example = own?.examples.find((name) => own.answers?.[name] === undefined);
  return example === undefined ? undefined : { status, example, mediaType: own!.mediaTypes[0]! };
}

export function errorsOf(spec: OpenApiDocument, operations: readonly Operation[]): Errors {
  // For a situation an operation declares no answer to, the spec's answer to it elsewhere (a 404 of another
  // operation); for a request that reached no operation, the spec's first bad request.
  const anywhere = (status: number): Chosen | undefined => {
    for (const operation of operations) {
      const chosen = exampleFor(operation, status);
      if (chosen?.status === status) return chosen;
    }
    return undefined;
  };
  const generic = anywhere(BAD_REQUEST);
  if (!generic) throw new Error("the spec declares no 400 response with an example; the mock answers every bad request with one");

  // The chosen example as the answer, at the status of its response unless told another; a detail is appended to its message.
  const answerWith = (chosen: Chosen, detail?: string, status = chosen.status): Answer => {
    const value = namedExample<ModelArtsError>(spec, chosen.example);
    const body = detail === undefined ? value : { ...value, error_msg: `${value.error_msg}: ${detail}` };
    return { status, body, mediaType: chosen.mediaType };
  };
  // No example of the spec words this situation: the bad request's code, with a message of the mock's own.
  const ownWords = (status: number, message: string): Answer => {
    const { body, mediaType } = answerWith(generic);
    return { status, body: { ...(body as ModelArtsError), error_msg: message }, mediaType };
  };
  // Every example an error may be answered with is looked up now, so a spec that names one it does not hold fails
  // the start (or the reload), not a request.
  for (const operation of operations) {
    for (const status of [BAD_REQUEST, NOT_FOUND, CONFLICT, UNSUPPORTED_MEDIA_TYPE]) {
      const chosen = exampleFor(operation, status);
      if (chosen) answerWith(chosen);
    }
  }

  // A situation with a bad request's detail: the operation's (or the spec's) answer to it, with the detail appended.
  const detailed = (operation: Operation | undefined, status: number, detail: string): Answer => {
    const chosen = (operation && exampleFor(operation, status)) ?? anywhere(status);
    return chosen ? answerWith(chosen, detail) : answerWith(generic, detail, status);
  };
  // A situation the live API words itself: its example, sent as it is. One no response of the spec answers keeps its
  // status, with the bad request's body and the detail.
  const worded = (chosen: Chosen | undefined, status: number, detail: string): Answer => (chosen ? answerWith(chosen) : answerWith(generic, detail, status));

  return {
    badRequest: (operation, detail) => detailed(operation, BAD_REQUEST, detail),
    unsupportedMediaType(operation, mediaType) {
      const detail = `Content-Type must be ${operation.requestMediaTypes.join(" or ")}, not ${mediaType || "absent"}`;
      const own = exampleFor(operation, UNSUPPORTED_MEDIA_TYPE);
      return own ? worded(own, UNSUPPORTED_MEDIA_TYPE, detail) : detailed(operation, BAD_REQUEST, detail);
    },
    notFound: (operation, detail) => worded(exampleFor(operation, NOT_FOUND) ?? anywhere(NOT_FOUND), NOT_FOUND, detail),
    conflict: (operation, detail) => worded(exampleFor(operation, CONFLICT) ?? anywhere(CONFLICT), CONFLICT, detail),
    noSuchOperation(method, path) {
      const served = operations.map((operation) => `${operation.operationId} (${operation.method} ${operation.path})`);
      return ownWords(NOT_FOUND, `No operation at ${method} ${path}; the mock serves ${served.join(", ")}`);
    },
    failed: () => ownWords(500, "The mock failed to answer this request: a bug of the mock, which its log (onError) describes"),
    ownWords,
  };
}
