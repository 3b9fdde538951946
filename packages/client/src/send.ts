// One HTTP exchange: send, read the whole answer within the time-out, and turn every way it can go wrong into
// the matching error class.
import type { Clock } from "./clock.js";
import { ModelArtsApiError, ModelArtsNetworkError, ModelArtsTimeoutError, type FailedCall } from "./errors.js";
import { rootMessage, type Redact } from "./redact.js";
import { parseRetryAfter } from "./retry.js";

/**
 * Resolves to the parsed JSON body of a 2xx answer, or to undefined for an empty 2xx answer of an operation whose
 * success has no body (`expectsBody` false). Positional parameters: an options object would put its property names
 * into every browser bundle.
 */
export async function exchange(
  call: FailedCall,
  fetch: typeof globalThis.fetch,
  headers: Record<string, string>,
  body: string | undefined,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  redact: Redact,
  clock: Clock,
  expectsBody: boolean,
): Promise<unknown> {
  if (signal?.aborted) throw signal.reason;
  // One controller carries both the time-out and the caller's signal, so the timer can be cleared as soon as the
  // body is read instead of lingering for timeoutMs.
  const controller = new AbortController();
  const timer = Number.isFinite(timeoutMs) ? clock.setTimeout(() => controller.abort(), timeoutMs) : undefined;
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  let response: Response;
  let text: string;
  try {
    response = await fetch(call.url, { method: call.method, headers, body, signal: controller.signal });
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    // Not the caller's signal, so the timer aborted it.
    if (controller.signal.aborted) throw new ModelArtsTimeoutError(call, timeoutMs, redact);
    throw new ModelArtsNetworkError(call, rootMessage(error), error, redact);
  } finally {
    if (timer !== undefined) clock.clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
  if (response.ok && text === "" && !expectsBody) return undefined;
  if (response.ok && text !== "") {
    try {
      return JSON.parse(text);
    } catch {
      // reported below as an API error: a 2xx without a pool in it is no success
    }
  }
  // Gateways and proxies answer HTML or plain text; the text is kept so the error still says something.
  let answer: unknown = text || undefined;
  try {
    answer = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  throw new ModelArtsApiError(
    call,
    {
      status: response.status,
      statusText: response.ok ? "but not JSON" : response.statusText,
      body: answer,
      requestId: response.headers.get("x-request-id") ?? undefined,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), clock.now()),
    },
    redact,
  );
}
