// The three ways a call can fail, told apart by class: the API answered with an error, no answer arrived, or the
// answer took longer than the time-out. A caller's own AbortSignal rejects with the signal's reason, as fetch does.
// Fields are `declare`d and set in the constructors, which keeps them out of the emitted class bodies (bytes in
// every browser bundle). Every constructor takes what came from outside (the URL, the answer, the cause) through
// a Redact (redact.ts) before it composes anything of it.
import type { Pool } from "@modelarts-pools/types";
import { keepAll, redactBody, redactedCause, type Redact } from "./redact.js";

/** Which call failed; no headers, so no credentials. */
export interface FailedCall {
  /** The operationId of the spec (`createPool`, `showPool`…; getPool sends showPool), or `waitForPool`. */
  operation: string;
  method: string;
  url: string;
}

export interface ErrorAnswer {
  status: number;
  statusText: string;
  body: unknown;
  requestId?: string | undefined;
  retryAfterMs?: number | undefined;
}

const bodyPreviewLength = 300;

/** What every failed call rejects with (besides a caller's abort): catch this to handle them all. */
export class ModelArtsCallError extends Error {
  override readonly name: string = "ModelArtsCallError";
  declare readonly operation: string;
  declare readonly method: string;
  declare readonly url: string;

  /** `redact` takes the client's secrets out of the URL, `what` and the cause; the default keeps everything. */
  constructor(call: FailedCall, what: string, cause?: unknown, redact: Redact = keepAll) {
    const url = redact(call.url);
    super(redact(`${call.operation}: ${call.method} ${url} ${what}`), cause === undefined ? undefined : { cause: redactedCause(cause, redact) });
    Object.assign(this, call, { url }); // operation, method, url: shorter in the bundle than three assignments
  }
}

/** A non-2xx answer (or a 2xx whose body is not JSON). */
export class ModelArtsApiError extends ModelArtsCallError {
  override readonly name = "ModelArtsApiError";
  /** HTTP status. */
  declare readonly status: number;
  /** `error_code` of the body, for example `ModelArts.50015001`; undefined when the body is not a ModelArts error. */
  declare readonly code: string | undefined;
  /** `error_msg` of the body. */
  declare readonly errorMessage: string | undefined;
  /** The body as parsed JSON, or as text when it is not JSON. */
  declare readonly body: unknown;
  /** `X-Request-Id` of the answer (or `request_id` of the body), to quote to Huawei Cloud support. */
  declare readonly requestId: string | undefined;
  /** How long the answer's `Retry-After` asks to wait, in milliseconds. */
  declare readonly retryAfterMs: number | undefined;

  constructor(call: FailedCall, answer: ErrorAnswer, redact: Redact = keepAll) {
    // The status text reaches only the message, which the base class redacts whole; the body and the request id
    // are kept as fields, and the message quotes a cut of the body, so they are redacted here, before either.
    const { status, statusText } = answer;
    const body = redactBody(answer.body, redact);
    const field = (name: string): string | undefined => {
      const value = (body as Record<string, unknown> | null | undefined)?.[name]; // undefined on a string body too
      return typeof value === "string" ? value : undefined;
    };
    const code = field("error_code");
    const errorMessage = field("error_msg");
    const requestId = answer.requestId === undefined ? field("request_id") : redact(answer.requestId);
    const detail =
      code !== undefined
        ? `${code} ${errorMessage ?? ""}`.trim()
        : `${statusText}${body === undefined || body === "" ? "" : `: ${(typeof body === "string" ? body : JSON.stringify(body)).replace(/\s+/g, " ").trim().slice(0, bodyPreviewLength)}`}`;
    super(call, `answered ${status} ${detail}${requestId ? ` (request id ${requestId})` : ""}`, undefined, redact);
    this.status = status;
    this.code = code;
    this.errorMessage = errorMessage;
    this.body = body;
    this.requestId = requestId;
    this.retryAfterMs = answer.retryAfterMs;
  }
}

/** No answer arrived: DNS, refused or reset connection, TLS, CORS… The cause says which. */
export class ModelArtsNetworkError extends ModelArtsCallError {
  override readonly name = "ModelArtsNetworkError";

  constructor(call: FailedCall, reason: string, cause: unknown, redact?: Redact) {
    super(call, `got no answer: ${reason}`, cause, redact);
  }
}

/** The answer did not arrive within `timeoutMs` (or, from waitForPool, the pool did not get where it was awaited). */
export class ModelArtsTimeoutError extends ModelArtsCallError {
  override readonly name = "ModelArtsTimeoutError";
  declare readonly timeoutMs: number;

  constructor(call: FailedCall, timeoutMs: number, redact?: Redact, what = `got no answer within ${timeoutMs} ms`) {
    super(call, what, undefined, redact);
    this.timeoutMs = timeoutMs;
  }
}

/** waitForPool found the pool in a phase it cannot leave by itself (CreationFailed, ScalingFailed, Error). */
export class ModelArtsPoolFailedError extends ModelArtsCallError {
  override readonly name = "ModelArtsPoolFailedError";
  /** The pool as last answered, with its `status.phase` and `status.message`. */
  declare readonly pool: Pool;

  constructor(call: FailedCall, pool: Pool, redact: Redact = keepAll) {
    const { phase, message } = pool.status;
    super(call, `found the pool in phase ${phase}${message ? `: ${message}` : ""}`, undefined, redact);
    this.pool = redactBody(pool, redact) as Pool;
  }
}
