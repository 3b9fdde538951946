// Bad input of every kind gets a ModelArts 400 (or 404 for a path the API does not have), never a crash, a stack trace
// or Prism's problem+json; and the mock goes on answering.
import { connect, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { startMock } from "../src/index.js";
import { call, exampleOf, LEAK, poolPath, useMock, validateError, type Call } from "./support.js";

const mock = useMock();
const create = exampleOf("createDedicatedPool");

function expectModelArtsError(reply: { status: number; body: any; text: string; headers: Headers }, status = 400) {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers.get("content-type")).toBe("application/json");
  expect(validateError(reply.body)).toEqual({ valid: true });
  expect(reply.text).not.toMatch(LEAK);
}

describe("robustness", () => {
  it("listens on loopback unless told otherwise", () => {
    expect(mock().url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  // 400 requests on a loaded 2-core machine can take more than vitest's default 5 s; the deadline only catches a hang.
  it("answers hundreds of concurrent bad requests, every one with 400, then still serves", async () => {
    const bad: Call[] = [
      { body: "{" },
      { body: { ...create, kind: 7 } },
      { body: { ...create, surprise: true } },
      { body: create, contentType: "text/plain" },
      { body: create, token: false },
      { method: "PATCH", path: poolPath("p"), body: {}, contentType: "application/json" },
      { body: "\u0000\uFFFF" },
      { body: "[".repeat(5000) },
    ];
    const requests = Array.from({ length: 400 }, (_, index) => call(mock(), bad[index % bad.length]));
    const replies = await Promise.all(requests);
    for (const reply of replies) expectModelArtsError(reply);
    expect((await call(mock(), { body: create })).status).toBe(200);
  });

  it("answers a path or method the API does not have with 404 and the operations it does have", async () => {
    for (const request of [{ method: "PUT" }, { path: "/v2/p/pools/x/y" }, { path: "/" }, { method: "POST", path: poolPath("p") }]) {
      const reply = await call(mock(), { ...request, body: create });
      expectModelArtsError(reply, 404);
      expect(reply.body.error_msg).toContain("createPool (POST /v2/{project_id}/pools)");
    }
  });

  it("refuses a path that is not valid percent-encoding", async () => {
    const reply = await call(mock(), { method: "PATCH", path: "/v2/p/pools/%E0%A4%A", body: {} });
    expectModelArtsError(reply);
    expect(reply.body.error_msg).toContain("percent-encoding");
  });

  it("answers an Accept it cannot satisfy with 400, not Prism's 406", async () => {
    const reply = await call(mock(), { body: create, headers: { accept: "application/xml" } });
    expectModelArtsError(reply);
  });

  it("answers bytes that are not HTTP with a ModelArts 400", async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const url = new URL(mock().url);
      const socket = connect(Number(url.port), url.hostname, () => socket.end("NOT HTTP AT ALL\r\n\r\n"));
      let received = "";
      // Only catches a hang: the answer comes in milliseconds, and in seconds on a machine that is very busy.
      socket.setTimeout(120_000, () => socket.destroy(new Error(`no answer within 120 s; received so far: ${JSON.stringify(received)}`)));
      socket.on("data", (chunk) => (received += chunk));
      socket.on("end", () => resolve(received));
      socket.on("error", reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    const body = JSON.parse(raw.slice(raw.indexOf("\r\n\r\n") + 4));
    expect(body.error_code).toBe("ModelArts.50004000");
  });
});

/** Writes raw HTTP to the mock and collects what comes back until the mock closes the connection or `until` is seen. */
function rawExchange(url: string, write: (socket: Socket) => void, until?: RegExp): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const { port, hostname } = new URL(url);
    const socket = connect(Number(port), hostname, () => write(socket));
    let received = "";
    socket.setTimeout(120_000, () => socket.destroy(new Error(`no end within 120 s; received so far: ${received.slice(0, 500)}`)));
    socket.on("data", (chunk) => {
      received += chunk;
      if (until?.test(received)) {
        socket.destroy();
        resolve(received);
      }
    });
    socket.on("end", () => resolve(received));
    socket.on("error", reject);
  });
}

const request = (length: number) => `POST /v2/p/pools HTTP/1.1\r\nhost: mock\r\ncontent-type: application/json\r\nx-auth-token: t\r\ncontent-length: ${length}\r\n\r\n`;

describe("body size limit", () => {
  it("reads a body over the limit to its end before answering, so the connection serves the next request", async () => {
    const small = await startMock({ bodyLimit: 2048 });
    try {
      const valid = JSON.stringify(create);
      const oversized = "x".repeat(64 * 1024);
      const raw = await rawExchange(
        small.url,
        (socket) => {
          socket.write(request(oversized.length));
          for (let at = 0; at < oversized.length; at += 4096) socket.write(oversized.slice(at, at + 4096));
          socket.write(`${request(Buffer.byteLength(valid))}${valid}`);
        },
        /HTTP\/1\.1 200 [\s\S]*"kind":"Pool"[\s\S]*\}$/,
      );
      const answers = raw.split(/(?=HTTP\/1\.1 )/);
      expect(answers.map((answer) => answer.slice(0, 12))).toEqual(["HTTP/1.1 400", "HTTP/1.1 200"]);
      expect(answers[0]).toContain("larger than 2048 bytes");
      expect(answers[0]!.toLowerCase()).not.toContain("connection: close");
    } finally {
      await small.close();
    }
  });

  it("stops reading a body declared past 16 MiB: answers 400 at once and closes", async () => {
    const raw = await rawExchange(mock().url, (socket) => socket.write(request(17 * 1024 * 1024)));
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw.toLowerCase()).toContain("connection: close");
    expect(raw).toContain("the body is larger than 1048576 bytes");
  });

  it("answers a 1.5 MiB body sent by fetch with the documented 400, every time, never a broken pipe", async () => {
    const oversized = JSON.stringify({ ...create, metadata: { ...create.metadata, annotations: { "os.modelarts/description": "x".repeat(1.5 * 1024 * 1024) } } });
    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        const response = await fetch(`${mock().url}/v2/p/pools`, { method: "POST", headers: { "content-type": "application/json", "x-auth-token": "t" }, body: oversized });
        const body = await response.json();
        outcomes.push(`${response.status} ${body.error_code}: ${body.error_msg}`);
      } catch (error) {
        outcomes.push(`failed: ${(error as Error).message} (${String((error as Error & { cause?: unknown }).cause)})`);
      }
    }
    expect(outcomes).toEqual(Array(20).fill("400 ModelArts.50004000: Bad request: the body is larger than 1048576 bytes"));
  });

  it("refuses a body over the limit, declared or streamed, and keeps serving", async () => {
    const small = await startMock({ bodyLimit: 2048 });
    try {
      const big = { ...create, metadata: { ...create.metadata, annotations: { "os.modelarts/description": "x".repeat(4096) } } };
      const declared = await call(small, { body: big });
      expectModelArtsError(declared);
      expect(declared.body.error_msg).toContain("larger than 2048 bytes");

      const chunks = Array.from({ length: 64 }, () => new TextEncoder().encode("x".repeat(1024)));
      const stream = new ReadableStream({
        pull(controller) {
          const chunk = chunks.shift();
          if (chunk) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const streamed = await fetch(`${small.url}/v2/p/pools`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-auth-token": "t" },
        body: stream,
        duplex: "half",
      } as RequestInit);
      expect(streamed.status).toBe(400);
      expect((await streamed.json()).error_msg).toContain("larger than 2048 bytes");

      expect((await call(small, { body: create })).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});
