// A loopback HTTP server that checks AK/SK signatures the way the API gateway does, with the independent
// implementation, and answers 401 APIGW.0301 when a signature does not match what arrived on the wire.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { expectedAuthorization } from "./independent-signer.js";

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
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
    const url = `http://${headers["host"]}${request.url}`;
    const accessKey = /Access=([^,]+)/.exec(headers["authorization"] ?? "")?.[1] ?? "";
    const secretKey = keys[accessKey];
    const verified = secretKey !== undefined && headers["authorization"] === expectedAuthorization({ method: request.method ?? "", url, headers, body: new Uint8Array(body) }, accessKey, secretKey);
    received.push({ method: request.method ?? "", url, headers, body: body.toString("utf8"), verified });
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
