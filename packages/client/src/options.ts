// The options every generated method takes last (generated/methods.ts), apart from the client's own.
import type { RetryOptions } from "./retry.js";

export interface CallOptions {
  /** Aborts the call (and any wait between retries); the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Extra headers, for example `X-Project-Id` or a trace ID. */
  headers?: Record<string, string>;
}

/** The options of a call that may be repeated: every operation but a POST (createPool). */
export interface RetryCallOptions extends CallOptions {
  /** This call's retries, over the client's (`false`: none). */
  retry?: RetryOptions | false;
}
