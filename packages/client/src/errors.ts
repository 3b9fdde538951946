// The three ways a call can fail, told apart by class: the API answered with an error, no answer arrived, or the
// answer took longer than the time-out. A caller's own AbortSignal rejects with the signal's reason, as fetch does.

/** Which call failed; no headers, so no credentials. */
export interface FailedCall {
  /** `createPool`, `updatePool`. */
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

/** A non-2xx answer (or a 2xx whose body is not JSON). */
export class ModelArtsApiError extends Error {
  override readonly name = "ModelArtsApiError";
  /** HTTP status. */
  readonly status: number;
  /** `error_code` of the body, for example `ModelArts.50015001`; undefined when the body is not a ModelArts error. */
  readonly code: string | undefined;
  /** `error_msg` of the body. */
  readonly errorMessage: string | undefined;
  /** The body as parsed JSON, or as text when it is not JSON. */
  readonly body: unknown;
  /** `X-Request-Id` of the answer (or `request_id` of the body), to quote to Huawei Cloud support. */
  readonly requestId: string | undefined;
  /** How long the answer's `Retry-After` asks to wait, in milliseconds. */
  readonly retryAfterMs: number | undefined;
  readonly operation: string;
  readonly method: string;
  readonly url: string;

  constructor(call: FailedCall, answer: ErrorAnswer) {
    const { status, statusText, body } = answer;
    const fields = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
    const code = typeof fields["error_code"] === "string" ? fields["error_code"] : undefined;
    const errorMessage = typeof fields["error_msg"] === "string" ? fields["error_msg"] : undefined;
    const detail =
      code !== undefined
        ? `${code} ${errorMessage ?? ""}`.trim()
        : `${statusText || "(no status text)"}${body === undefined || body === "" ? "" : `: ${preview(typeof body === "string" ? body : JSON.stringify(body))}`}`;
    const requestId = answer.requestId ?? (typeof fields["request_id"] === "string" ? fields["request_id"] : undefined);
    super(`${call.operation}: ${call.method} ${call.url} answered ${status} ${detail}${requestId ? ` (request id ${requestId})` : ""}`);
    this.status = status;
    this.code = code;
    this.errorMessage = errorMessage;
    this.body = body;
    this.requestId = requestId;
    this.retryAfterMs = answer.retryAfterMs;
    this.operation = call.operation;
    this.method = call.method;
    this.url = call.url;
  }
}

function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > bodyPreviewLength ? `${oneLine.slice(0, bodyPreviewLength)}…` : oneLine;
}

/** No answer arrived: DNS, refused or reset connection, TLS, CORS… The cause says which. */
export class ModelArtsNetworkError extends Error {
  override readonly name = "ModelArtsNetworkError";
  readonly operation: string;
  readonly method: string;
  readonly url: string;

  constructor(call: FailedCall, reason: string, cause: unknown) {
    super(`${call.operation}: ${call.method} ${call.url} got no answer: ${reason}`, { cause });
    this.operation = call.operation;
    this.method = call.method;
    this.url = call.url;
  }
}

/** The answer did not arrive within `timeoutMs`. */
export class ModelArtsTimeoutError extends Error {
  override readonly name = "ModelArtsTimeoutError";
  readonly timeoutMs: number;
  readonly operation: string;
  readonly method: string;
  readonly url: string;

  constructor(call: FailedCall, timeoutMs: number) {
    super(`${call.operation}: ${call.method} ${call.url} got no answer within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
    this.operation = call.operation;
    this.method = call.method;
    this.url = call.url;
  }
}
