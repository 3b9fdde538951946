// Bad input of every kind gets a ModelArts 400 (or 404 for a path the API does not have), never a crash, a stack trace
// or Prism's problem+json; and the mock goes on answering.
import { connect } from "node:net";
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
    for (const request of [{ method: "GET" }, { path: "/v2/p/pools/x/y" }, { path: "/" }, { method: "DELETE", path: poolPath("p") }]) {
      const reply = await call(mock(), { ...request, body: request.method === "GET" ? undefined : create });
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

describe("body size limit", () => {
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
