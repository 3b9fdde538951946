// Proxy mode against a local upstream that drifts from the spec in the ways the live API might: each answer comes
// back to the caller byte for byte, and each departure is reported once, with its pointer and rule.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freePort } from "../../../scripts/lib/net.mjs";
import { waitFor } from "../../../scripts/lib/wait.mjs";
import { manualClock, startMock, type Mock, type Violation } from "../src/index.js";
import { call, exampleOf, MERGE_PATCH, poolPath, PROJECT, validateError } from "./support.js";
import { startUpstream, type Upstream } from "./upstream.js";

/** The upstream time-out, on the mock's manual clock: it passes only when the never-answering test moves the clock. */
const UPSTREAM_TIMEOUT_MS = 300;
const clock = manualClock();

function pool(change: (pool: any) => void = () => undefined): any {
  const answer = structuredClone(exampleOf("createdPool"));
  change(answer);
  return answer;
}

interface Case {
  status: number;
  headers: Record<string, string>;
  /** Exactly the bytes the upstream sends. */
  body: string;
}

// Keyed by the project in the path, so one upstream can answer every case. Spacing and key order are the upstream's
// own, to show they reach the caller untouched.
const json = (value: unknown): Case => ({
  status: 200,
  headers: { "content-type": "application/json;charset=UTF-8", "x-request-id": "req-7d1f" },
  body: `${JSON.stringify(value, null, 3)}\n`,
});
const cases: Record<string, Case> = {
  faithful: json(pool()),
  "missing-name": json(pool((answer) => delete answer.metadata.name)),
  "count-as-string": json(pool((answer) => (answer.spec.resources[0].count = "2"))),
  "unknown-phase": json(pool((answer) => (answer.status.phase = "Starting"))),
  "html-500": {
    status: 500,
    headers: { "content-type": "text/html", "x-request-id": "req-500" },
    body: "<html><body><h1>500 Internal Server Error</h1></body></html>",
  },
};

const createIn = (project: string) => ({ path: `/v2/${project}/pools`, body: exampleOf("createDedicatedPool") });

let upstream: Upstream;
let mock: Mock;
const violations: Violation[] = [];

beforeAll(async () => {
  upstream = await startUpstream((request, response) => {
    const project = request.url.split("/")[2] ?? "";
    if (project === "never-answers") return; // holds the request until the proxy gives up
    if (project === "hangs-up") return void response.socket?.destroy();
    const answer = cases[project] ?? cases.faithful!;
    response.writeHead(answer.status, answer.headers).end(answer.body);
  });
  mock = await startMock({ proxy: upstream.url, upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS, clock, onViolation: (violation) => violations.push(violation) });
});
afterAll(async () => {
  await mock?.close();
  await upstream?.close();
});
beforeEach(() => {
  violations.length = 0;
  upstream.received.length = 0;
});

const response = (status: number, pointer: string, rule: string, message: string): Violation => ({
  operationId: "createPool",
  direction: "response",
  status,
  pointer,
  rule,
  message,
});

describe("answers pass through byte for byte, and each drift is reported exactly once", () => {
  it.each([
    ["faithful", []],
    ["missing-name", [response(200, "/metadata/name", "required", "metadata.name is required")]],
    ["count-as-string", [response(200, "/spec/resources/0/count", "type", "spec.resources[0].count must be of type integer")]],
    [
      "unknown-phase",
      [
        response(
          200,
          "/status/phase",
          "enum",
          'status.phase must be one of "Creating", "Running", "Abnormal", "Deleting", "Error", "CreationFailed", "ScalingFailed", "Waiting"',
        ),
      ],
    ],
    ["html-500", [response(500, "", "status", "createPool documents no 500 answer (it has 200, 400, 409)")]],
  ] as const)("%s", async (name, expected) => {
    const sent = cases[name]!;
    const reply = await call(mock, createIn(name));
    expect(reply.status).toBe(sent.status);
    expect(reply.text).toBe(sent.body);
    expect(reply.headers.get("content-type")).toBe(sent.headers["content-type"]);
    expect(reply.headers.get("x-request-id")).toBe(sent.headers["x-request-id"]);
    expect(Number(reply.headers.get("content-length"))).toBe(Buffer.byteLength(sent.body));
    expect(violations).toEqual(expected);
    expect(upstream.received).toHaveLength(1);
  });

  it("forwards the request as it came: method, path and query, body bytes, token", async () => {
    const body = `{ "metadata" : {"annotations": {"os.modelarts/description": "caf\u00e9"}} }`;
    await call(mock, { method: "PATCH", path: `${poolPath("pool-001-86c1")}?trace=a%20b`, body });
    expect(upstream.received).toEqual([
      expect.objectContaining({ method: "PATCH", url: `/v2/${PROJECT}/pools/pool-001-86c1?trace=a%20b`, body: Buffer.from(body) }),
    ]);
    const headers = upstream.received[0]!.headers;
    expect(headers["x-auth-token"]).toBe("test-token-not-a-secret-4f1c");
    expect(headers["content-type"]).toBe(MERGE_PATCH);
    expect(headers.host).toBe(new URL(upstream.url).host);
  });
});

describe("the upstream failing", () => {
  it("never answering: 504 after the configured time-out, naming the upstream; the proxy keeps serving", async () => {
    const replied = call(mock, createIn("never-answers"));
    // Once the upstream holds the request, the proxy's time-out is the one timer on the clock; then it falls due.
    await waitFor(() => upstream.received.length === 1 && clock.pending === 1, {
      what: "the upstream holding the request and the proxy's time-out pending",
      deadlineMs: 120_000,
      seen: () => `${upstream.received.length} requests upstream, ${clock.pending} timers pending`,
    });
    clock.advance(UPSTREAM_TIMEOUT_MS - 1);
    expect(clock.pending, "one millisecond early, the proxy still waits").toBe(1);
    clock.advance(1);
    const reply = await replied;
    expect(reply.status).toBe(504);
    expect(validateError(reply.body)).toEqual({ valid: true });
    expect(reply.body.error_msg).toBe(`the upstream ${upstream.url} did not answer createPool within ${UPSTREAM_TIMEOUT_MS} ms`);
    expect(violations).toEqual([]);
    expect((await call(mock, createIn("faithful"))).status).toBe(200);
  });

  it("hanging up without an answer: 502 naming the upstream", async () => {
    const reply = await call(mock, createIn("hangs-up"));
    expect(reply.status).toBe(502);
    expect(validateError(reply.body)).toEqual({ valid: true });
    expect(reply.body.error_msg).toBe(`the upstream ${upstream.url} could not be reached for createPool (ECONNRESET)`);
  });

  it("unreachable: 502 naming the upstream, and the proxy keeps serving", async () => {
    const nobody = `http://127.0.0.1:${await freePort()}`;
    const proxy = await startMock({ proxy: nobody, onViolation: () => undefined });
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const reply = await call(proxy, createIn("faithful"));
        expect(reply.status).toBe(502);
        expect(validateError(reply.body)).toEqual({ valid: true });
        expect(reply.body.error_msg).toBe(`the upstream ${nobody} could not be reached for createPool (ECONNREFUSED)`);
      }
    } finally {
      await proxy.close();
    }
  });
});

describe("requests", () => {
  const invalid = () => {
    const body = exampleOf("createDedicatedPool");
    body.spec.resources[0].count = "2";
    return body;
  };
  const countViolation: Violation = {
    operationId: "createPool",
    direction: "request",
    status: null,
    pointer: "/spec/resources/0/count",
    rule: "type",
    message: "spec.resources[0].count must be of type integer",
  };

  it("an invalid request is reported and still forwarded", async () => {
    const reply = await call(mock, { body: invalid() });
    expect(reply.status).toBe(200);
    expect(upstream.received).toHaveLength(1);
    expect(violations).toEqual([countViolation]);
  });

  it("a method and path the spec lacks is reported and still forwarded", async () => {
    const reply = await call(mock, { method: "GET", path: `/v2/${PROJECT}/jobs` });
    expect(reply.status).toBe(200);
    expect(violations).toEqual([
      { operationId: null, direction: "request", status: null, pointer: "", rule: "operation", message: `the spec has no operation at GET /v2/${PROJECT}/jobs` },
    ]);
  });

  it("a body over the limit is refused before anything is forwarded", async () => {
    const small = await startMock({ proxy: upstream.url, bodyLimit: 64, onViolation: (violation) => violations.push(violation) });
    try {
      const reply = await call(small, { body: exampleOf("createDedicatedPool") });
      expect(reply.status).toBe(400);
      expect(reply.body.error_msg).toContain("larger than 64 bytes");
      expect(upstream.received).toEqual([]);
    } finally {
      await small.close();
    }
  });

  describe("with proxyStrict", () => {
    let strict: Mock;
    let plain: Mock;
    beforeAll(async () => {
      strict = await startMock({ proxy: upstream.url, proxyStrict: true, onViolation: (violation) => violations.push(violation) });
      plain = await startMock();
    });
    afterAll(async () => {
      await strict?.close();
      await plain?.close();
    });

    it.each([
      ["a body that breaks the schema", { body: invalid() }],
      ["an update sent as application/json", { method: "PATCH", path: poolPath("pool-001-86c1"), contentType: "application/json", body: {} }],
      ["a path the spec lacks", { method: "GET", path: `/v2/${PROJECT}/jobs` }],
      ["a query parameter over its maximum", { method: "GET", path: `${poolPath("pool-001-86c13962597848eeb29c5861153a391f")}/nodes?limit=1000` }],
      ["a query parameter the operation does not take", { method: "GET", path: `/v2/${PROJECT}/pools?labelSelecter=a%3Db` }],
    ])("%s is answered as the mock answers it, and not forwarded", async (_, request) => {
      const reply = await call(strict, request);
      const mocked = await call(plain, request);
      expect(reply.status).toBe(mocked.status);
      expect(reply.body).toEqual(mocked.body);
      expect(upstream.received).toEqual([]);
      expect(violations).toHaveLength(1);
    });

    it("a valid request is forwarded", async () => {
      expect((await call(strict, { body: exampleOf("createDedicatedPool") })).status).toBe(200);
      expect(upstream.received).toHaveLength(1);
      expect(violations).toEqual([]);
    });
  });
});

describe("proxy options", () => {
  it.each([
    ["ftp://example.test", 'proxy: the upstream must be an absolute http(s) URL, not "ftp://example.test"'],
    ["http://user:secret@127.0.0.1:1", "proxy: the upstream URL must not contain a user name or password"],
    ["http://127.0.0.1:1/?x=1", "proxy: the upstream URL must not have a query or a fragment"],
  ])("refuses the upstream %s", async (proxy, message) => {
    await expect(startMock({ proxy })).rejects.toThrow(message);
  });

  it("refuses a time-out that is not a positive number", async () => {
    await expect(startMock({ proxy: "http://127.0.0.1:1", upstreamTimeoutMs: 0 })).rejects.toThrow("upstreamTimeoutMs must be a number of milliseconds > 0");
  });

  it("refuses half an AK/SK pair in the environment, naming the missing variable", async () => {
    await expect(startMock({ proxy: "http://127.0.0.1:1", env: { HUAWEICLOUD_SDK_AK: "AK" } })).rejects.toThrow("HUAWEICLOUD_SDK_SK is not set");
  });
});
