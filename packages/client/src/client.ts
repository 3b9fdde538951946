// createPoolsClient: the pool operations over fetch. They call fetch directly rather than through openapi-fetch,
// which keeps a call within a few percent of a hand-written fetch (see the README's benchmark) and the bundle
// small; openapi-fetch serves `rawClientOf` of the `./raw` entry.
import type { CreatePoolRequest, Pool, UpdatePoolRequest } from "@modelarts-pools/types";
import { createAuthorizer, type PoolsAuth } from "./auth.js";
import { checkClock, sleep, type Clock } from "./clock.js";
import { encodeRfc3986 } from "./encoding.js";
import type { FailedCall } from "./errors.js";
import { mergeHeaders } from "./headers.js";
import { json, mergePatch } from "./media-types.js";
import { internalsOf } from "./internals.js";
import { retryDelay, retryPlan, type RetryOptions, type RetryPlan } from "./retry.js";
import { exchange } from "./send.js";
import { requireText } from "./signing.js";

export interface PoolsClientOptions {
  /** Project ID (the `{project_id}` of every path). */
  projectId: string;
  /** Huawei Cloud region, for example `cn-north-4`: the endpoint becomes `https://modelarts.{region}.myhuaweicloud.com`. */
  region?: string;
  /** Any base URL instead of the regional endpoint, for example a local mock. */
  endpoint?: string;
  /** An IAM token (`X-Auth-Token`), or an access key pair for AK/SK signing. */
  auth?: PoolsAuth;
  /** Sent as `X-ModelArts-User-ID` (workspace authentication). */
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
  /** POST /v2/{project_id}/pools. Never retried: a repeated create could create a second pool. */
  createPool(body: CreatePoolRequest, options?: CallOptions): Promise<Pool>;
  /** PATCH /v2/{project_id}/pools/{pool_name} as a JSON merge patch. `poolName` is `metadata.name` of the pool. */
  updatePool(poolName: string, patch: UpdatePoolRequest, options?: UpdatePoolOptions): Promise<Pool>;
  readonly endpoint: string;
  readonly projectId: string;
}

const defaultTimeoutMs = 30_000;

function fail(message: string): never {
  throw new TypeError(`createPoolsClient: ${message}`);
}

function resolveEndpoint(region: string | undefined, endpoint: string | undefined): string {
  if (endpoint !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {
      // reported below
    }
    // The endpoint is quoted in every error message, so it must not carry credentials (nor echo them here).
    if (url?.username || url?.password) fail("endpoint must not contain a user name or password");
    if (!url || !/^https?:$/.test(url.protocol)) fail(`endpoint must be an absolute http(s) URL, got ${JSON.stringify(endpoint)}`);
    return url.href.replace(/\/+$/, "");
  }
  if (region === undefined) fail("region (for example cn-north-4) or endpoint is required");
  // A region is one DNS label; anything else would change the host the credentials go to.
  if (typeof region !== "string" || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(region)) fail(`region must look like cn-north-4, got ${JSON.stringify(region)}`);
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
  requireText(projectId, "createPoolsClient: projectId");
  if (userId !== undefined) requireText(userId, "createPoolsClient: userId");
  const endpoint = resolveEndpoint(options.region, options.endpoint);
  const timeoutMs = checkTimeout(options.timeoutMs, "createPoolsClient") ?? defaultTimeoutMs;
  const clientRetry = retryPlan(options.retry, "createPoolsClient");
  const clock = checkClock(options.clock, "createPoolsClient");
  const auth = createAuthorizer(options.auth, projectId, clock);
  const fetchImpl: typeof fetch = options.fetch ?? ((...args) => fetch(...args)); // the global one of the moment
  const defaults: Record<string, string> = userId === undefined ? {} : { "x-modelarts-user-id": userId };
  const poolsUrl = `${endpoint}/v2/${encodeRfc3986(projectId)}/pools`;

  async function send(call: FailedCall, contentType: string, payload: unknown, callOptions: CallOptions, plan: RetryPlan | undefined): Promise<Pool> {
    const callTimeout = checkTimeout(callOptions.timeoutMs, call.operation) ?? timeoutMs;
    const body = JSON.stringify(payload);
    for (let attempt = 0; ; attempt++) {
      // Headers are built (and signed) again for every attempt: a signature carries its time.
      const headers = await auth.apply({
        method: call.method,
        url: call.url,
        // The operation's own Content-Type comes last: no extra header can turn a merge patch into application/json.
        headers: mergeHeaders({ accept: json }, defaults, callOptions.headers, { "content-type": contentType }),
        body,
      });
      try {
        return (await exchange(call, fetchImpl, headers, body, callTimeout, callOptions.signal, auth.secrets, clock)) as Pool;
      } catch (error) {
        const delay = plan && retryDelay(plan, attempt, error);
        if (delay === undefined) throw error;
        await sleep(clock, delay, callOptions.signal);
      }
    }
  }

  const client: PoolsClient = {
    endpoint,
    projectId,
    createPool(body, callOptions = {}) {
      checkBody(body, "createPool", "CreatePoolRequest");
      return send({ operation: "createPool", method: "POST", url: poolsUrl }, json, body, callOptions, undefined);
    },
    updatePool(poolName, patch, callOptions = {}) {
      // "." and ".." survive percent-encoding as dot segments, and URL parsing would drop them from the path.
      if (typeof poolName !== "string" || /^\.{0,2}$/.test(poolName)) {
        throw new TypeError('updatePool: poolName must be the metadata.name of a pool, not "", "." or ".."');
      }
      checkBody(patch, "updatePool", "UpdatePoolRequest");
      const plan = callOptions.retry === undefined ? clientRetry : retryPlan(callOptions.retry, "updatePool");
      const url = `${poolsUrl}/${encodeRfc3986(poolName)}`;
      return send({ operation: "updatePool", method: "PATCH", url }, mergePatch, patch, callOptions, plan);
    },
  };
  internalsOf.set(client, { endpoint, fetch: fetchImpl, defaults, auth });
  return client;
}
