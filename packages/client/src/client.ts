// createPoolsClient: a method for every operation of the spec, over fetch. They call fetch directly rather than
// through openapi-fetch, which keeps a call within a few percent of a hand-written fetch (see the README's benchmark)
// and the bundle small; openapi-fetch serves `rawClientOf` of the `./raw` entry. Every method is made here from its
// entry in generated/operations.ts (method, path, media types, query names: the spec's), and typed by
// generated/methods.ts: an operation the spec adds is a method with no edit here.
import type { operations as Api, Pool } from "@modelarts-pools/types";
import { createAuthorizer, type PoolsAuth } from "./auth.js";
import { checkClock, checkDuration, sleep, type Clock } from "./clock.js";
import type { FailedCall } from "./errors.js";
import type { OperationMethods } from "./generated/methods.js";
import { operations, regionServers, userIdHeader, type Operation, type OperationId } from "./generated/operations.js";
import { mergeHeaders } from "./headers.js";
import type { Redact } from "./redact.js";
import { internalsOf } from "./internals.js";
import type { CallOptions, RetryCallOptions } from "./options.js";
import { pagesOf } from "./pages.js";
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
  /** Retries for every method but a POST (a POST, such as createPool, is never retried); off unless given. */
  retry?: RetryOptions | false;
  /**
   * Where the client reads the time and sets its timers: the signature's X-Sdk-Date, an HTTP-date Retry-After,
   * time-outs and the waits between retries. Defaults to the platform's (`Date.now`, `setTimeout`).
   */
  clock?: Clock;
}

export type { CallOptions, RetryCallOptions };

export type UpdatePoolOptions = RetryCallOptions;

/** The query of listPools, as the spec types it: `workspaceId`, `labelSelector`, `status`. */
export type ListPoolsQuery = NonNullable<Api["listPools"]["parameters"]["query"]>;

export type { WaitForPoolOptions };

/** Every operation of the spec as a method (generated/methods.ts), the waiter, and where the client sends. */
export interface PoolsClient extends OperationMethods {
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

function checkBody(body: unknown, operation: string, schema: string | undefined): void {
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
   * (every operation but a POST), the failures that another try can fix are repeated, as the call's `retry`
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
          return await exchange(call, fetchImpl, headers, body, callTimeout, callOptions.signal, auth.redactFor(headers), clock, accept !== undefined);
        } catch (error) {
          const delay = plan && retryDelay(plan, attempt, error);
          if (delay === undefined) throw error;
          await sleep(clock, delay, callOptions.signal);
        }
      }
    };
    return attempts();
  }

  /**
   * The method of one operation: its path parameters (after the project ID), then its body when it takes one, then
   * its query when it has one, then the call options. Not async: bad arguments throw before anything is sent.
   */
  function methodOf(id: OperationId, { body, query, method, schema, returns }: Operation, pathCount: number) {
    return (...args: unknown[]) => {
      const payload = body && args[pathCount];
      if (body) checkBody(payload, id, schema);
      const queryValues = query && (args[pathCount + (body ? 1 : 0)] as Record<string, unknown> | undefined);
      const callOptions = args[pathCount + (body ? 1 : 0) + (query ? 1 : 0)] as RetryCallOptions | undefined;
      // A POST is never repeated: a second create could make a second pool.
      const sent = send(id, args.slice(0, pathCount) as string[], payload, callOptions, method !== "POST", queryValues);
      return returns ? sent.then((answer) => (answer as Record<string, unknown>)[returns]) : sent;
    };
  }

  const methods: Record<string, unknown> = { endpoint, projectId };
  for (const [id, operation] of Object.entries(operations) as [OperationId, Operation][]) {
    const name = operation.name ?? id;
    const pathCount = operation.path.split("{").length - 2; // the project ID's is the client's
    const call = (methods[name] = methodOf(id, operation, pathCount));
    if (operation.pages) methods[`${name}All`] = pagesOf(call, pathCount);
  }
  const client = methods as unknown as PoolsClient;
  // One implementation for both overloads: it resolves with undefined only when waiting for "deleted".
  client.waitForPool = ((poolName: string, waitOptions: WaitForPoolOptions) =>
    waitForPool(client.getPool, clock, callOf("showPool", [poolName], undefined, "waitForPool"), auth.redactFor(), poolName, waitOptions)) as PoolsClient["waitForPool"];
  internalsOf.set(client, { endpoint, fetch: fetchImpl, defaults, auth });
  return client;
}
