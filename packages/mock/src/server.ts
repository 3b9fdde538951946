// startMock: the spec's operations, served on a loopback port by Prism with the mock's checks in front.
import { createServer, STATUS_CODES, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import type { OpenApiDocument } from "@modelarts-pools/spec/openapi";
import { describeApi } from "@modelarts-pools/spec/operations";
import { errorsOf, type Answer } from "./answer.js";
import { mockAnswerer } from "./answerers.js";
import { requestChecks } from "./checks.js";
import { systemClock, type Clock } from "./clock.js";
import { allowedRequestHeaders } from "./cors.js";
import { credentialsCheck } from "./credentials.js";
import { DEFAULT_HOST, DEFAULT_PORT, listeningNotice } from "./defaults.js";
import { faultsOf, type FaultOptions } from "./faults.js";
import { DEFAULT_JOURNAL_BYTES, Journal, type JournalEntry, type JournalFilter } from "./journal.js";
import { createPipeline } from "./pipeline.js";
import { DEFAULT_CREATING_MS, DEFAULT_DELETING_MS } from "./pool-lifecycle.js";
import { createPrismEngine, type GeneratorOptions } from "./prism-engine.js";
import { createProxy } from "./proxy/forward.js";
import { proxySettings, type ProxyOptions } from "./proxy/options.js";
import { routesOf } from "./router.js";
import { keyPairsOf, signatureVerifier, type VerifySignaturesOption } from "./signatures.js";
import { loadSpec } from "./spec.js";
import { readStateFile, writeStateFile } from "./state-file.js";
import { EMPTY_STATE, statefulAnswers, type StatefulAnswers, type StateSnapshot } from "./stateful.js";

// `dynamic` and `seed` (generated answers), latency and faults, and the proxy mode's options: see prism-engine.ts,
// faults.ts and proxy/options.ts.
export interface MockOptions extends GeneratorOptions, FaultOptions, ProxyOptions {
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
  /**
   * Most bytes of the request journal (`requests()`, `GET /__mock/requests`), counted as the entries' JSON (default
   * 4 MiB): the newest entries are kept, and `dropped` says how many older ones went. 0 keeps none.
   */
  journalBytes?: number;
  /**
   * Check AK/SK signatures as the API gateway does, against the environment's key pair (`true`: HUAWEICLOUD_SDK_AK and
   * HUAWEICLOUD_SDK_SK of `env`) or the pairs given (`{ [accessKey]: secretKey }`); a request that fails gets the
   * gateway's 401 APIGW.0301 saying which check failed. Default false: a signature need only be well formed.
   */
  verifySignatures?: VerifySignaturesOption;
  /**
   * Stateful mode: keep the pools and nodes in this file, written after every change answered and read back at start
   * (a restart, a crash or kill -9 loses nothing answered; time goes on while the mock is stopped). A file that is not
   * the mock's is refused at start and left as it is.
   */
  stateFile?: string;
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
  /** The requests the mock answered, oldest first (those the filter names): see the journal in the README. */
  requests(filter?: JournalFilter): JournalEntry[];
  /** Empties the request journal. */
  clearRequests(): void;
  /**
   * State and journal back to the start: in stateful mode no pools, or the state file's content at start; the faults'
   * and latencies' draws start again from the seed.
   */
  reset(): Promise<void>;
}

export { DEFAULT_CREATING_MS, DEFAULT_DELETING_MS, DEFAULT_HOST, DEFAULT_PORT };

/** 32 MiB of pools' JSON: tens of thousands of ordinary pools, and a bound a developer's machine does not feel. */
export const DEFAULT_MAX_STATE_BYTES = 32 * 1024 * 1024;

export async function startMock(options: MockOptions = {}): Promise<Mock> {
  const clock = options.clock ?? systemClock;
  // The journal and the faults outlive a reload: the requests a test made, and the draws, go on across it.
  const journal = new Journal(options.journalBytes ?? DEFAULT_JOURNAL_BYTES);
  const faults = faultsOf(options);
  if (options.stateFile !== undefined && !options.stateful) throw new TypeError("stateFile keeps stateful mode's pools: it needs stateful: true");
  // Read once, before anything listens: a file that is not the mock's stops the start, and is never written over.
  const initial = options.stateFile === undefined ? EMPTY_STATE : (readStateFile(options.stateFile) ?? EMPTY_STATE);
  const shared = { clock, journal, faults, initial };
  let current = await answering(loadSpec(options.specPath), options, shared);
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
      current = await answering(loadSpec(options.specPath), options, shared);
      previous.close();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        current.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    requests: (filter) => journal.entries(filter),
    clearRequests: () => journal.clear(),
    reset: () => current.reset(),
  };
}

interface Shared {
  clock: Clock;
  journal: Journal;
  faults: ReturnType<typeof faultsOf>;
  /** Stateful mode's state at start: the state file's, or none. */
  initial: StateSnapshot;
}

/** Everything the mock derives from one version of the spec. */
async function answering(spec: OpenApiDocument, options: MockOptions, { clock, journal, faults, initial }: Shared) {
  const api = describeApi(spec);
  const operations = routesOf(api);
  const errors = errorsOf(spec, operations);
  const limits = { maxPools: options.maxPools ?? 10_000, maxStateBytes: options.maxStateBytes ?? DEFAULT_MAX_STATE_BYTES };
  const times = {
    creatingMs: milliseconds("creatingMs", options.creatingMs ?? DEFAULT_CREATING_MS),
    deletingMs: milliseconds("deletingMs", options.deletingMs ?? DEFAULT_DELETING_MS),
  };
  const onError = options.onError ?? ((error: unknown) => process.stderr.write(`modelarts-pools-mock: ${(error as Error)?.message ?? String(error)}\n`));
  const env = options.env ?? process.env;
  const keys = options.verifySignatures ? keyPairsOf(options.verifySignatures, env) : undefined;

  let stateful: StatefulAnswers | undefined;
  let proxy: ReturnType<typeof createProxy> | undefined;
  if (options.proxy !== undefined) {
    proxy = createProxy(spec, errors, clock, proxySettings({ ...options, proxy: options.proxy }));
  } else if (options.stateful) {
    stateful = keeping(statefulAnswers(spec, operations, errors, { ...limits, ...times, clock }), options.stateFile);
    restoreState(stateful, initial, options.stateFile);
  }
  const answerer = proxy?.answerer ?? mockAnswerer(errors, await createPrismEngine(spec, options), stateful);
  const reset = async () => {
    journal.clear();
    faults.reset();
    if (stateful) {
      restoreState(stateful, initial, options.stateFile);
      if (options.stateFile !== undefined) writeStateFile(options.stateFile, stateful.snapshot());
    }
  };
  const handler = createPipeline(
    {
      operations,
      errors,
      checks: requestChecks(spec),
      credentialsProblem: credentialsCheck(api.security),
      verifySignature: keys ? signatureVerifier(keys, clock) : undefined,
      faults,
      journal,
      clock,
      bodyLimit: options.bodyLimit ?? 1024 * 1024,
      allowedHeaders: allowedRequestHeaders(api),
      admin: { reset },
      onError,
    },
    answerer,
  );
  return { handler, errors, reset, close: () => proxy?.close() };
}

/** The state restored, or an Error naming the state file (when there is one) and the problem. */
function restoreState(stateful: StatefulAnswers, state: StateSnapshot, file: string | undefined): void {
  try {
    stateful.restore(state);
  } catch (error) {
    throw new Error(`${file === undefined ? "state" : `state file ${file}`}: ${(error as Error).message} (it is left as it is)`);
  }
}

/** Stateful answers that write the state file after every change they answered (a 2xx to anything but a read). */
function keeping(stateful: StatefulAnswers, file: string | undefined): StatefulAnswers {
  if (file === undefined) return stateful;
  return {
    ...stateful,
    answer(operation, request) {
      const answer = stateful.answer(operation, request);
      if (answer && operation.method !== "GET" && answer.status >= 200 && answer.status < 300) writeStateFile(file, stateful.snapshot());
      return answer;
    },
  };
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
