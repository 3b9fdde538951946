// A loopback HTTP server that checks AK/SK signatures the way the API gateway does, with the independent
// implementation, and answers 401 APIGW.0301 when a signature does not match what arrived on the wire.
//
// It is stricter than reading SignedHeaders and checking the signature over those names: that alone would accept a
// request that left a header it sent out of the signature. Every header that arrives must be among SignedHeaders,
// except the ones below, which fetch (undici in Node; browsers likewise) adds or rewrites on its own, so the client
// cannot know their values when it signs. Checked against what Node 20's fetch sends for the client's requests:
//   host, connection: keep-alive, content-type, accept, accept-language: *, sec-fetch-mode: cors, user-agent: node,
//   accept-encoding: gzip, deflate, content-length.
// plus transfer-encoding, which stands in for content-length when a body is streamed, and `accept: */*`, which the
// Fetch standard adds to a request that has no Accept (as openapi-fetch's do, so `pools.raw` sends it unsigned); an
// Accept with any other value came from the client and must be signed. `host` is never exempt (it is always
// signed), nor is `content-type`, which fetch adds only for a body without one and the client always sets.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { expectedAuthorization } from "./independent-signer.js";

/** Headers that may arrive unsigned: the signature's own header, and those fetch adds itself. */
export const unsignedHeaders: ReadonlySet<string> = new Set([
  "authorization",
  "connection",
  "content-length",
  "transfer-encoding",
  "accept-encoding",
  "accept-language",
  "user-agent",
  "sec-fetch-mode",
]);

export interface ReceivedRequest {
  method: string;
  url: string;
  /** Header values as Node joins them, by lower-case name. */
  headers: Record<string, string>;
  /** Every header line's name as it arrived (lower-cased), repeats included. */
  names: string[];
  body: string;
  /** Headers that arrived but are not among SignedHeaders (and are not exempt). */
  unsigned: string[];
  verified: boolean;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

export async function startVerifyingGateway(keys: Record<string, string>, answer: unknown) {
  const received: ReceivedRequest[] = [];
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
    const names = request.rawHeaders.filter((_, index) => index % 2 === 0).map((name) => name.toLowerCase());
    const url = `http://${headers["host"]}${request.url}`;
    const authorization = headers["authorization"] ?? "";
    const accessKey = /Access=([^,]+)/.exec(authorization)?.[1] ?? "";
    const signedNames = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(";") ?? [];
    const exempt = (name: string) => unsignedHeaders.has(name) || (name === "accept" && headers["accept"] === "*/*");
    const unsigned = [...new Set(names)].filter((name) => !exempt(name) && !signedNames.includes(name));
    const secretKey = keys[accessKey];
    const verified =
      secretKey !== undefined &&
      unsigned.length === 0 &&
      ["host", "x-sdk-date"].every((name) => signedNames.includes(name)) &&
      authorization === expectedAuthorization({ method: request.method ?? "", url, headers, body: new Uint8Array(body) }, accessKey, secretKey, signedNames);
    received.push({ method: request.method ?? "", url, headers, names, body: body.toString("utf8"), unsigned, verified });
    response.writeHead(verified ? 200 : 401, { "content-type": "application/json" });
    response.end(JSON.stringify(verified ? answer : { error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
