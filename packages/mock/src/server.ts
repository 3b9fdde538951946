// startMock: the spec's operations, served on a loopback port by Prism with the mock's checks in front.
import { createServer, STATUS_CODES, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import type { OpenApiDocument } from "@modelarts-pools/spec/openapi";
import { describeApi } from "@modelarts-pools/spec/operations";
import { parameterValidators, requestBodyValidators } from "@modelarts-pools/spec/validator";
import { errorsOf, type Answer } from "./answer.js";
import { systemClock, type Clock } from "./clock.js";
import { DEFAULT_HOST, DEFAULT_PORT, listeningNotice } from "./defaults.js";
import { DEFAULT_CREATING_MS, DEFAULT_DELETING_MS } from "./pool-lifecycle.js";
import { allowedRequestHeaders } from "./cors.js";
import { credentialsCheck } from "./credentials.js";
import { createHandler } from "./handler.js";
import { createPrismEngine, type GeneratorOptions } from "./prism-engine.js";
import { createProxy } from "./proxy/handler.js";
import { proxySettings, type ProxyOptions } from "./proxy/options.js";
import { loadSpec, operationsOf } from "./spec.js";
import { statefulAnswers } from "./stateful.js";

// `dynamic` and `seed` (generated answers), and the proxy mode's options: see prism-engine.ts and proxy/options.ts.
export interface MockOptions extends GeneratorOptions, ProxyOptions {
  /** Port to listen on; 0 (the default) picks a free one. The CLI defaults to 4010. */
  port?: number;
  /** Interface to listen on; loopback unless told otherwise. */
  host?: string;
  /** Keep created pools in memory per project and answer from them, instead of the spec's examples. */
  stateful?: boolean;
  /**
   * Largest request body accepted, in bytes (default 1 MiB). A larger one is read to its end and thrown away, then
   * answered 400, so the client always gets the answer; past 16 MiB (or 4 × bodyLimit) the mock stops reading,
   * answers 400 and closes the connection.
   */
  bodyLimit?: number;
  /** Most pools kept in stateful mode, over all projects (default 10000); one more create gets 400. */
  maxPools?: number;
  /**
   * Most bytes of pools kept in stateful mode, over all projects, counted as their JSON (default 32 MiB): the bound on
   * the memory stateful mode holds. A create or update past it gets 400 saying so. The process itself uses a few
   * times that (JavaScript objects are larger than their JSON).
   */
  maxStateBytes?: number;
  /**
   * Stateful mode: how long a created pool takes to be `Running` (default 3000 ms). It has no phase for the first tenth
   * of that time, then `Creating`. A whole number of milliseconds from 0 up.
   */
  creatingMs?: number;
  /** Stateful mode: how long a deleted pool stays `Deleting` before it is gone (default 2000 ms). */
  deletingMs?: number;
  /**
   * Where stateful mode reads the time and sets its timers, and proxy mode its upstream time-out (default: the real
   * time). A test passes `manualClock()` and moves time on with `advance(ms)` instead of sleeping.
   */
  clock?: Clock;
  /** Path of a bundled spec (JSON) to serve instead of @modelarts-pools/spec's, e.g. one being edited. */
  specPath?: string;
  /** Told about failures inside the mock (never about bad requests, which get their 400). Default: stderr. */
  onError?: (error: unknown) => void;
}

export interface Mock {
  /** Base URL of the API, e.g. `http://127.0.0.1:4010`; paths such as `/v2/{project_id}/pools` go after it. */
  url: string;
  /**
   * Reads the bundled spec again and answers from it, on the same port (`pnpm dev` calls it on every save).
   * Stateful mode starts again with no pools, since the pools were made under the old spec.
   */
  reload(): Promise<void>;
  /** Stops listening and closes every open connection. */
  close(): Promise<void>;
}

export { DEFAULT_CREATING_MS, DEFAULT_DELETING_MS, DEFAULT_HOST, DEFAULT_PORT };

/** 32 MiB of pools' JSON: tens of thousands of ordinary pools, and a bound a developer's machine does not feel. */
export const DEFAULT_MAX_STATE_BYTES = 32 * 1024 * 1024;

export async function startMock(options: MockOptions = {}): Promise<Mock> {
  let current = await answering(loadSpec(options.specPath), options);
  // The server outlives any one spec: reload() swaps what answers, never the socket.
  const server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000 }, (request, response) => current.handler(request, response));
  server.on("clientError", (error, socket) => answerUnparsable(error, socket, current.errors.badRequest(undefined, "the request is not valid HTTP")));
  await listen(server, options.port ?? 0, options.host ?? DEFAULT_HOST);

  const address = server.address() as AddressInfo;
  return {
    // One a person or a client can open, also when the mock listens on every interface (0.0.0.0 → 127.0.0.1).
    url: listeningNotice({ host: address.address, port: address.port, serves: "the mock", mock: true }).url,
    reload: async () => {
      const previous = current;
      current = await answering(loadSpec(options.specPath), options);
      previous.close();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        current.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Everything the mock derives from one version of the spec. */
async function answering(spec: OpenApiDocument, options: MockOptions) {
  const api = describeApi(spec);
  const operations = operationsOf(api);
  const errors = errorsOf(spec, operations);
  const limits = { maxPools: options.maxPools ?? 10_000, maxStateBytes: options.maxStateBytes ?? DEFAULT_MAX_STATE_BYTES };
  const times = {
    creatingMs: milliseconds("creatingMs", options.creatingMs ?? DEFAULT_CREATING_MS),
    deletingMs: milliseconds("deletingMs", options.deletingMs ?? DEFAULT_DELETING_MS),
  };
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;
  const allowedHeaders = allowedRequestHeaders(api);
  const onError = options.onError ?? ((error: unknown) => process.stderr.write(`modelarts-pools-mock: ${(error as Error)?.message ?? String(error)}\n`));
  if (options.proxy !== undefined) {
    const proxy = createProxy({ spec, operations, errors, allowedHeaders, onError, clock: options.clock ?? systemClock }, proxySettings({ ...options, proxy: options.proxy }, bodyLimit));
    return { handler: proxy.handler, errors, close: proxy.close };
  }
  const handler = createHandler({
    operations,
    validators: requestBodyValidators(spec),
    parameters: parameterValidators(spec),
    errors,
    credentialsProblem: credentialsCheck(api.security),
    prism: await createPrismEngine(spec, options),
    stateful: options.stateful ? statefulAnswers(spec, operations, errors, { ...limits, ...times, clock: options.clock ?? systemClock }) : undefined,
    bodyLimit,
    allowedHeaders,
    onError,
  });
  return { handler, errors, close: () => undefined };
}

/** A duration option: a whole number of milliseconds from 0 up, or a RangeError naming the option. */
function milliseconds(option: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${option} must be a whole number of milliseconds from 0 up, not ${value}`);
  return value;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

// Node answers a request it cannot parse with a bare 400; the mock's clients expect a ModelArts error body there too.
function answerUnparsable(error: NodeJS.ErrnoException, socket: Duplex, answer: Answer): void {
  if (error.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
  const payload = JSON.stringify(answer.body);
  socket.end(
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\ncontent-type: ${answer.mediaType}\r\ncontent-length: ${Buffer.byteLength(payload)}\r\nconnection: close\r\n\r\n${payload}`,
  );
}
