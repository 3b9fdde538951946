// createPoolsClient: the pool operations over fetch. They call fetch directly rather than through openapi-fetch,
// which keeps a call within a few percent of a hand-written fetch (see the README's benchmark) and the bundle
// small; openapi-fetch serves `rawClientOf` of the `./raw` entry. What an operation is on the wire (method, path,
// media types, header names) comes from the spec through generated/operations.ts: a method here only says which
// operation it is, what fills its path, and whether it may be repeated.
import type { CreatePoolRequest, Pool, UpdatePoolRequest } from "@modelarts-pools/types";
import { createAuthorizer, type PoolsAuth } from "./auth.js";
import { checkClock, sleep, type Clock } from "./clock.js";
import type { FailedCall } from "./errors.js";
import { operations, userIdHeader, type Operation, type OperationId } from "./generated/operations.js";
import { mergeHeaders } from "./headers.js";
import type { Redact } from "./redact.js";
import { internalsOf } from "./internals.js";
import { retryDelay, retryPlan, type RetryOptions, type RetryPlan } from "./retry.js";
import { exchange } from "./send.js";
import { requireText } from "./signing.js";
import { checkSegment, fillPath, queryString } from "./url.js";

export interface PoolsClientOptions {
  /** Project ID (the `{project_id}` of every path). */
  projectId: string;
  /** Huawei Cloud region, for example `cn-north-4`: the endpoint becomes `https://modelarts.{region}.myhuaweicloud.com`. */
  region?: string;
  /** Any base URL instead of the regional endpoint, for example a local mock. */
  endpoint?: string;
  /** An IAM token (`X-Auth-Token`), or an access key pair for AK/SK signing. */
  auth?: PoolsAuth;
  /** Sent as the operations' user ID header, `X-ModelArts-User-ID` (workspace authentication). */
  userId?: string;
  /** Defaults to the global fetch at call time. */
  fetch?: typeof fetch;
  /** Longest wait for each attempt's answer, body included (default 30 000 ms; Infinity for none). */
  timeoutMs?: number;
  /** Retries for updatePool; off unless given. createPool is never retried. */
  retry?: RetryOptions | false;
  /**
   * Where the client reads the time and sets its timers: the signature's X-Sdk-Date, an HTTP-date Retry-After,
   * time-outs and the waits between retries. Defaults to the platform's (`Date.now`, `setTimeout`).
   */
  clock?: Clock;
}

export interface CallOptions {
  /** Aborts the call (and any wait between retries); the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Extra headers, for example `X-Project-Id` or a trace ID. */
  headers?: Record<string, string>;
}

export interface UpdatePoolOptions extends CallOptions {
  retry?: RetryOptions | false;
}

export interface PoolsClient {
  /** The spec's createPool operation. Never retried: a repeated create could create a second pool. */
  createPool(body: CreatePoolRequest, options?: CallOptions): Promise<Pool>;
  /** The spec's updatePool operation, a JSON merge patch. `poolName` is `metadata.name` of the pool. */
  updatePool(poolName: string, patch: UpdatePoolRequest, options?: UpdatePoolOptions): Promise<Pool>;
  readonly endpoint: string;
  readonly projectId: string;
}

const defaultTimeoutMs = 30_000;

function fail(message: string): never {
  throw new TypeError(`createPoolsClient: ${message}`);
}

/** `redact` keeps a secret pasted into the wrong field out of the message that quotes the field. */
function resolveEndpoint(region: string | undefined, endpoint: string | undefined, redact: Redact): string {
  if (endpoint !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {
      // reported below
    }
    // The endpoint is quoted in every error message, so it must not carry credentials (nor echo them here).
    if (url?.username || url?.password) fail("endpoint must not contain a user name or password");
    if (!url || !/^https?:$/.test(url.protocol)) fail(redact(`endpoint must be an absolute http(s) URL, got ${JSON.stringify(endpoint)}`));
    return url.href.replace(/\/+$/, "");
  }
  if (region === undefined) fail("region (for example cn-north-4) or endpoint is required");
  // A region is one DNS label; anything else would change the host the credentials go to.
  if (typeof region !== "string" || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(region)) fail(redact(`region must look like cn-north-4, got ${JSON.stringify(region)}`));
  return `https://modelarts.${region}.myhuaweicloud.com`;
}

function checkTimeout(value: number | undefined, where: string): number | undefined {
  if (value !== undefined && (typeof value !== "number" || !(value > 0))) {
    throw new TypeError(`${where}: timeoutMs must be a number > 0`);
  }
  return value;
}

function checkBody(body: unknown, operation: string, schema: string): void {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new TypeError(`${operation}: the body must be an object (${schema})`);
}

export function createPoolsClient(options: PoolsClientOptions): PoolsClient {
  const { projectId, userId } = options;
  checkSegment(requireText(projectId, "createPoolsClient: projectId"), "createPoolsClient: projectId");
  if (userId !== undefined) requireText(userId, "createPoolsClient: userId");
  const clock = checkClock(options.clock, "createPoolsClient");
  const auth = createAuthorizer(options.auth, projectId, clock);
  const endpoint = resolveEndpoint(options.region, options.endpoint, auth.redactFor());
  const timeoutMs = checkTimeout(options.timeoutMs, "createPoolsClient") ?? defaultTimeoutMs;
  const clientRetry = retryPlan(options.retry, "createPoolsClient");
  const fetchImpl: typeof fetch = options.fetch ?? ((...args) => fetch(...args)); // the global one of the moment
  const defaults: Record<string, string> = userId === undefined ? {} : { [userIdHeader]: userId };

  /**
   * One call of `operationId`: `pathValues` fill its path template after the project ID, `payload` is its body
   * (ignored when it takes none), `query` gives its query parameters by their spec names. With a retry plan, the
   * failures that another try can fix are repeated. Bad arguments throw before anything is sent.
   */
  function send(
    operationId: OperationId,
    pathValues: readonly string[],
    payload: unknown,
    callOptions: CallOptions,
    plan?: RetryPlan,
    query?: Record<string, unknown>,
  ): Promise<unknown> {
    const operation: Operation = operations[operationId];
    const { method, accept, body: mediaType } = operation;
    const url = endpoint + fillPath(operation.path, [projectId, ...pathValues], operationId) + queryString(operation.query, query);
    const call: FailedCall = { operation: operationId, method, url };
    const callTimeout = checkTimeout(callOptions.timeoutMs, operationId) ?? timeoutMs;
    const body = mediaType === undefined ? undefined : JSON.stringify(payload);
    const attempts = async () => {
      for (let attempt = 0; ; attempt++) {
        // Headers are built (and signed) again for every attempt: a signature carries its time.
        const headers = await auth.apply({
          method,
          url,
          // The operation's own Content-Type comes last: no extra header can turn a merge patch into JSON.
          headers: mergeHeaders(accept === undefined ? undefined : { accept }, defaults, callOptions.headers, mediaType === undefined ? undefined : { "content-type": mediaType }),
          body,
        });
        try {
          return await exchange(call, fetchImpl, headers, body, callTimeout, callOptions.signal, auth.redactFor(headers), clock);
        } catch (error) {
          const delay = plan && retryDelay(plan, attempt, error);
          if (delay === undefined) throw error;
          await sleep(clock, delay, callOptions.signal);
        }
      }
    };
    return attempts();
  }

  const client: PoolsClient = {
    endpoint,
    projectId,
    createPool(body, callOptions = {}) {
      checkBody(body, "createPool", "CreatePoolRequest");
      return send("createPool", [], body, callOptions) as Promise<Pool>;
    },
    updatePool(poolName, patch, callOptions = {}) {
      checkBody(patch, "updatePool", "UpdatePoolRequest");
      const plan = callOptions.retry === undefined ? clientRetry : retryPlan(callOptions.retry, "updatePool");
      return send("updatePool", [poolName], patch, callOptions, plan) as Promise<Pool>;
    },
  };
  internalsOf.set(client, { endpoint, fetch: fetchImpl, defaults, auth });
  return client;
}
