// createPoolsClient: the pool operations over fetch. They call fetch directly rather than through openapi-fetch,
// which keeps a call within a few percent of a hand-written fetch (see the README's benchmark) and the bundle
// small; openapi-fetch serves `rawClientOf` of the `./raw` entry. What an operation is on the wire (method, path,
// media types, header names, the regions' endpoints) comes from the spec through generated/operations.ts: a method
// here only says which operation it is, what fills its path, and whether it may be repeated.
import type { CreatePoolRequest, paths, Pool, PoolDeletion, PoolList, UpdatePoolRequest } from "@modelarts-pools/types";
import { createAuthorizer, type PoolsAuth } from "./auth.js";
import { checkClock, checkDuration, sleep, type Clock } from "./clock.js";
import type { FailedCall } from "./errors.js";
import { operations, regionServers, userIdHeader, type Operation, type OperationId } from "./generated/operations.js";
import { mergeHeaders } from "./headers.js";
import type { Redact } from "./redact.js";
import { internalsOf } from "./internals.js";
import { retryDelay, retryPlan, type RetryOptions } from "./retry.js";
import { exchange } from "./send.js";
import { requireText } from "./signing.js";
import { checkSegment, fillPath, queryString } from "./url.js";
import { waitForPool, type WaitForPoolOptions } from "./wait.js";

export interface PoolsClientOptions {
  /** Project ID (the `{project_id}` of every path). */
  projectId: string;
  /**
   * Huawei Cloud region, for example `cn-north-4`: the endpoint is the spec's for it (`https://modelarts.{region}.myhuaweicloud.com`,
   * and `.cn` for ap-southeast-1). A region the spec does not list is refused: give `endpoint` for it.
   */
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
  /** Retries for getPool, listPools, updatePool and deletePool; off unless given. createPool is never retried. */
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

/** The options of a call that may be repeated: every operation but createPool. */
export interface RetryCallOptions extends CallOptions {
  /** This call's retries, over the client's (`false`: none). */
  retry?: RetryOptions | false;
}

export type UpdatePoolOptions = RetryCallOptions;

/** The query of listPools, as the spec types it: `workspaceId`, `labelSelector`, `status`. */
export type ListPoolsQuery = NonNullable<paths["/v2/{project_id}/pools"]["get"]["parameters"]["query"]>;

export type { WaitForPoolOptions };

export interface PoolsClient {
  /** The spec's createPool operation. Never retried: a repeated create could create a second pool. */
  createPool(body: CreatePoolRequest, options?: CallOptions): Promise<Pool>;
  /** The spec's updatePool operation, a JSON merge patch. `poolName` is `metadata.name` of the pool. */
  updatePool(poolName: string, patch: UpdatePoolRequest, options?: UpdatePoolOptions): Promise<Pool>;
  /** The spec's showPool operation. A pool the project does not have rejects with ModelArtsApiError 404. */
  getPool(poolName: string, options?: RetryCallOptions): Promise<Pool>;
  /** The spec's listPools operation: the `items` of the PoolList (all of them: the list has no pages). */
  listPools(query?: ListPoolsQuery, options?: RetryCallOptions): Promise<Pool[]>;
  /** The spec's deletePool operation: the pool, with `metadata.deletionTimestamp`. Wait for `"deleted"` to see it go. */
  deletePool(poolName: string, options?: RetryCallOptions): Promise<PoolDeletion>;
  /**
   * Polls getPool (every `intervalMs`, default 15 s, for at most `timeoutMs`, default 90 minutes) until the pool
   * reaches the phase `until`, meets the predicate `until`, or, with `until: "deleted"`, answers 404. A pool in
   * CreationFailed, ScalingFailed or Error (unless that is what `until` asks for) rejects with ModelArtsPoolFailedError.
   */
  waitForPool(poolName: string, options: WaitForPoolOptions & { until: "deleted" }): Promise<undefined>;
  waitForPool(poolName: string, options: WaitForPoolOptions): Promise<Pool>;
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
  // Only the spec's table: a guessed host could be the wrong one (ap-southeast-1 is under .cn), or not Huawei's.
  // One message for a missing region and an unknown one: both need the list, or `endpoint`.
  const server = regionServers.find(([, regions]) => regions.split(", ").includes(region!));
  if (server) return server[0].replace("{region}", region!);
  fail(redact(`region must be one of ${regionServers.map(([, regions]) => regions).join(", ")}, or give endpoint instead (got ${JSON.stringify(region)})`));
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
  const timeoutMs = checkDuration(options.timeoutMs, "createPoolsClient: timeoutMs") ?? defaultTimeoutMs;
  const clientRetry = retryPlan(options.retry, "createPoolsClient");
  const fetchImpl: typeof fetch = options.fetch ?? ((...args) => fetch(...args)); // the global one of the moment
  const defaults: Record<string, string> = userId === undefined ? {} : { [userIdHeader]: userId };

  /** What a call of `operationId` sends to (its method and URL), named `name` in its errors. */
  function callOf(operationId: OperationId, pathValues: readonly string[], query?: Record<string, unknown>, name: string = operationId): FailedCall {
    const operation: Operation = operations[operationId];
    return { operation: name, method: operation.method, url: endpoint + fillPath(operation.path, [projectId, ...pathValues], name) + queryString(operation.query, query, name) };
  }

  /**
   * One call of `operationId`: `pathValues` fill its path template after the project ID, `payload` is its body
   * (ignored when it takes none), `query` gives its query parameters by their spec names. When it is `retryable`
   * (every operation but createPool), the failures that another try can fix are repeated, as the call's `retry`
   * options or else the client's say. Bad arguments throw before anything is sent.
   */
  function send(
    operationId: OperationId,
    pathValues: readonly string[],
    payload: unknown,
    callOptions: RetryCallOptions = {},
    retryable?: boolean,
    query?: Record<string, unknown>,
  ): Promise<unknown> {
    const { accept, body: mediaType }: Operation = operations[operationId];
    const call = callOf(operationId, pathValues, query);
    const { method, url } = call;
    const callTimeout = checkDuration(callOptions.timeoutMs, `${operationId}: timeoutMs`) ?? timeoutMs;
    const body = mediaType === undefined ? undefined : JSON.stringify(payload);
    const plan = !retryable ? undefined : callOptions.retry === undefined ? clientRetry : retryPlan(callOptions.retry, operationId);
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
    createPool(body, callOptions) {
      checkBody(body, "createPool", "CreatePoolRequest");
      return send("createPool", [], body, callOptions) as Promise<Pool>;
    },
    updatePool(poolName, patch, callOptions) {
      checkBody(patch, "updatePool", "UpdatePoolRequest");
      return send("updatePool", [poolName], patch, callOptions, true) as Promise<Pool>;
    },
    getPool(poolName, callOptions) {
      return send("showPool", [poolName], undefined, callOptions, true) as Promise<Pool>;
    },
    listPools(query, callOptions) {
      // Not async: a bad query throws before anything is sent, as bad arguments do everywhere.
      return send("listPools", [], undefined, callOptions, true, query).then((list) => (list as PoolList).items);
    },
    deletePool(poolName, callOptions) {
      return send("deletePool", [poolName], undefined, callOptions, true) as Promise<PoolDeletion>;
    },
    // One implementation for both overloads: it resolves with undefined only when waiting for "deleted".
    waitForPool: ((poolName: string, waitOptions: WaitForPoolOptions) =>
      waitForPool(client.getPool, clock, callOf("showPool", [poolName], undefined, "waitForPool"), auth.redactFor(), poolName, waitOptions)) as PoolsClient["waitForPool"],
  };
  internalsOf.set(client, { endpoint, fetch: fetchImpl, defaults, auth });
  return client;
}
