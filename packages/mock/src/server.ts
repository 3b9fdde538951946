// startMock: the spec's operations, served on a loopback port by Prism with the mock's checks in front.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { requestBodyValidators } from "@modelarts-pools/spec/validator";
import { errorsOf } from "./answer.js";
import { DEFAULT_HOST, DEFAULT_PORT } from "./defaults.js";
import { allowedRequestHeaders } from "./cors.js";
import { createHandler } from "./handler.js";
import { PoolStore } from "./pool-store.js";
import { createPrismEngine } from "./prism-engine.js";
import { loadSpec, operationsOf, type OpenApiDocument } from "./spec.js";

export interface MockOptions {
  /** Port to listen on; 0 (the default) picks a free one. The CLI defaults to 4010. */
  port?: number;
  /** Interface to listen on; loopback unless told otherwise. */
  host?: string;
  /** Keep created pools in memory per project and answer from them, instead of the spec's examples. */
  stateful?: boolean;
  /** Largest request body accepted, in bytes (default 1 MiB); a larger one gets 400. */
  bodyLimit?: number;
  /** Most pools kept in stateful mode, over all projects (default 10000); one more create gets 400. */
  maxPools?: number;
  /** Path of a bundled spec (JSON) to serve instead of @modelarts-pools/spec's, e.g. one being edited. */
  specPath?: string;
  /** The clock stateful mode stamps `creationTimestamp` with (default: the system's); tests pass a fixed one. */
  now?: () => Date;
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

export { DEFAULT_HOST, DEFAULT_PORT };

export async function startMock(options: MockOptions = {}): Promise<Mock> {
  let current = await answering(loadSpec(options.specPath), options);
  // The server outlives any one spec: reload() swaps what answers, never the socket.
  const server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000 }, (request, response) => current.handler(request, response));
  server.on("clientError", (error, socket) => answerUnparsable(error, socket, current.errors.badRequest("the request is not valid HTTP").body));
  await listen(server, options.port ?? 0, options.host ?? DEFAULT_HOST);

  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    reload: async () => {
      current = await answering(loadSpec(options.specPath), options);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Everything the mock derives from one version of the spec. */
async function answering(spec: OpenApiDocument, options: MockOptions) {
  const operations = operationsOf(spec);
  const errors = errorsOf(spec, operations);
  const handler = createHandler({
    operations,
    validators: requestBodyValidators(spec as never),
    errors,
    prism: await createPrismEngine(spec),
    store: options.stateful ? new PoolStore(spec, errors, options.maxPools ?? 10_000, options.now) : undefined,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    allowedHeaders: allowedRequestHeaders(spec),
    onError: options.onError ?? ((error) => process.stderr.write(`modelarts-pools-mock: ${(error as Error)?.message ?? String(error)}\n`)),
  });
  return { handler, errors };
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
function answerUnparsable(error: NodeJS.ErrnoException, socket: Duplex, body: unknown): void {
  if (error.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
  const payload = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(payload)}\r\nconnection: close\r\n\r\n${payload}`,
  );
}
