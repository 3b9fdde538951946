// No secret leaves the package in an error: not through the URL, the answer's status text, its X-Request-Id, its
// body, a fetch's messages and causes, nor through anything `raw` throws or returns as `error`. The secrets have
// realistic lengths and alphabets (an AK of 20 characters, an SK of 40, tokens of more than 1,000 with "+", "/"
// and "="), and each error is checked as a logger would print it.
import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { createPoolsClient, ModelArtsApiError, type PoolsAuth, type PoolsClient } from "../src/index.js";
import { rawClientOf } from "../src/raw.js";
import { example, fakeFetch, jsonAnswer, silentFetch, type Answer, type SentRequest } from "./support/fake-fetch.js";
import { manualClock } from "./support/manual-clock.js";

const endpoint = "http://127.0.0.1:4010";
const base64 = (bytes: number) => randomBytes(bytes).toString("base64");
const token = `MIIT${base64(1_200)}`; // 1,604 characters, with "+", "/" and "="
const accessKey = "QTWAOYTTINDUT2QVKYUC"; // 20 characters: an identifier, sent in clear in every signed request
const secretKey = base64(30); // 40 characters
const securityToken = `gQpjbi1ub3J0aC00${base64(900)}`; // 1,216 characters
const tokenAuth: PoolsAuth = { token };
const akSkAuth: PoolsAuth = { accessKey, secretKey, securityToken };

/** Everything a logger could print of an error: inspect, String, JSON, message, stack and url, down its cause chain. */
function everythingPrintable(error: unknown): string {
  const parts: string[] = [inspect(error, { depth: Infinity, showHidden: true }), String(error), JSON.stringify(error) ?? ""];
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
    if (typeof current === "object") {
      const own = Object.fromEntries(Object.getOwnPropertyNames(current).map((name) => [name, (current as Record<string, unknown>)[name]]));
      parts.push(JSON.stringify(own, (_, value: unknown) => (value instanceof Error ? String(value) : value)) ?? "");
    }
    if (current instanceof Error) parts.push(current.message, current.stack ?? "", String((current as { url?: unknown }).url));
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join("\n");
}

/** The secret, its URL-encoded forms, and pieces of it: a secret cut in half by a preview is still a leak. */
function tracesOf(secret: string): string[] {
  const pieces = [];
  for (let at = 0; at + 24 <= secret.length; at += Math.max(1, Math.floor(secret.length / 8))) pieces.push(secret.slice(at, at + 24));
  return [secret, encodeURIComponent(secret), ...pieces];
}

function expectClean(error: unknown, secrets: readonly string[]): string {
  expect(error).toBeInstanceOf(Error);
  const printed = everythingPrintable(error);
  for (const secret of secrets) for (const trace of tracesOf(secret)) expect(printed.includes(trace), `a trace of a secret in:\n${printed.slice(0, 2_000)}`).toBe(false);
  return printed;
}

/** The signatures of the requests sent: each is a secret of its own for the time the gateway accepts it. */
const signatures = (sent: SentRequest[]) => sent.map((request) => request.headers["authorization"]!.split("Signature=")[1]!);

/** A fetch that fails with messages quoting its URL and every header it was given, as a careless wrapper might. */
function leakyFetch(): { fetch: typeof fetch; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const headers = Object.fromEntries(request.headers);
    sent.push({ url: request.url, method: request.method, headers, body: "", signal: undefined });
    const quoted = `${request.url} ${JSON.stringify(headers)}`;
    throw new TypeError(`fetch failed for ${quoted}`, { cause: new Error(`socket hang up; sent ${quoted}`, { cause: `raw ${quoted}` }) });
  };
  return { fetch, sent };
}

const failure = (call: Promise<unknown>) => call.then(() => expect.fail("the call succeeded"), (error: unknown) => error);

describe.each<[string, PoolsAuth, string[]]>([
  ["a token", tokenAuth, [token]],
  ["AK/SK with a security token", akSkAuth, [secretKey, securityToken]],
])("with %s, nothing the client throws contains a credential", (_, auth, secrets) => {
  const client = (fetch: typeof globalThis.fetch, more: Partial<Parameters<typeof createPoolsClient>[0]> = {}) =>
    createPoolsClient({ projectId: "p1", endpoint, auth, fetch, ...more });

  test("when fetch fails with the URL and the headers in its messages and causes", async () => {
    const { fetch, sent } = leakyFetch();
    const printed = expectClean(await failure(client(fetch).updatePool("x", {})), [...secrets, ...("accessKey" in auth ? signatures(sent) : [])]);
    expect(printed).toContain("[redacted]");
  });

  test.each<[string, Answer]>([
    ["echoed in a JSON error body", (request) => jsonAnswer(400, { error_code: "ModelArts.50004000", error_msg: `bad ${JSON.stringify(request.headers)}` })],
    ["echoed in a text error body", (request) => new Response(`denied: ${JSON.stringify(request.headers)}`, { status: 403 })],
    ["echoed in a 2xx body that is not JSON", (request) => new Response(`<html>${JSON.stringify(request.headers)}</html>`, { status: 200 })],
  ])("when the server's answer is %s, signatures included", async (_, answer) => {
    const { fetch, sent } = fakeFetch(answer);
    const error = await failure(client(fetch).updatePool("x", {}));
    expectClean(error, [...secrets, ...("accessKey" in auth ? signatures(sent) : [])]);
    expect((error as ModelArtsApiError).status).toBeGreaterThan(0);
  });

  test("on a time-out", async () => {
    const time = manualClock();
    const call = failure(client(silentFetch().fetch, { timeoutMs: 5, clock: time.clock }).updatePool("x", {}));
    await time.runTimer((timer) => timer.delay === 5, "the 5 ms time-out");
    expect(expectClean(await call, secrets)).toContain("got no answer within 5 ms");
  });

  test("nor does the client object itself when logged", () => {
    const pools = client(fakeFetch(jsonAnswer(200, example("scaledPool"))).fetch);
    const printed = inspect(pools, { depth: Infinity, showHidden: true }) + JSON.stringify(pools);
    for (const secret of secrets) expect(printed).not.toContain(secret);
  });
});

describe("every road a secret takes into an error", () => {
  describe("the URL: a token pasted as the project ID, percent-encoded in the path", () => {
    const pools = (fetch: typeof globalThis.fetch, clock?: ReturnType<typeof manualClock>["clock"]) =>
      createPoolsClient({ projectId: token, endpoint, auth: tokenAuth, fetch, ...(clock ? { clock, timeoutMs: 5 } : {}) });

    test("in an API error: message, url and stack", async () => {
      const { fetch, sent } = fakeFetch(jsonAnswer(404, example("poolNotFound")));
      const error = (await failure(pools(fetch).updatePool("pool-a", {}))) as ModelArtsApiError;
      expect(sent[0]!.url).toContain(encodeURIComponent(token)); // the road is real: the token is in the URL sent
      expectClean(error, [token]);
      expect(error.url).toBe(`${endpoint}/v2/[redacted]/pools/pool-a`);
      expect(error.message).toContain(`PATCH ${endpoint}/v2/[redacted]/pools/pool-a answered 404 ModelArts.50015001`);
    });

    test("in a network error that quotes the URL in its causes", async () => {
      expectClean(await failure(pools(leakyFetch().fetch).createPool(example("createDedicatedPool"))), [token]);
    });

    test("in a time-out", async () => {
      const time = manualClock();
      const call = failure(pools(silentFetch().fetch, time.clock).updatePool("pool-a", {}));
      await time.runTimer((timer) => timer.delay === 5, "the 5 ms time-out");
      expect(expectClean(await call, [token])).toContain("got no answer within 5 ms");
    });
  });

  test("the URL: a secret key pasted as the pool name", async () => {
    const { fetch } = fakeFetch(jsonAnswer(404, example("poolNotFound")));
    const pools = createPoolsClient({ projectId: "p1", endpoint, auth: akSkAuth, fetch });
    const error = (await failure(pools.updatePool(secretKey, {}))) as ModelArtsApiError;
    expectClean(error, [secretKey]);
    expect(error.url).toBe(`${endpoint}/v2/p1/pools/[redacted]`);
  });

  test("the status text of the answer", async () => {
    const { fetch } = fakeFetch(new Response(null, { status: 401, statusText: `Unauthorized ${token}` }));
    const error = await failure(createPoolsClient({ projectId: "p1", endpoint, auth: tokenAuth, fetch }).updatePool("x", {}));
    expect(expectClean(error, [token])).toContain("answered 401 Unauthorized [redacted]");
  });

  test("the X-Request-Id of the answer", async () => {
    const { fetch } = fakeFetch(jsonAnswer(503, { error_code: "ModelArts.0001", error_msg: "busy" }, { "X-Request-Id": `req-${token}` }));
    const error = (await failure(createPoolsClient({ projectId: "p1", endpoint, auth: tokenAuth, fetch }).updatePool("x", {}))) as ModelArtsApiError;
    expectClean(error, [token]);
    expect(error.requestId).toBe("req-[redacted]");
  });

  test("an option that quotes its value: a token pasted as the region", () => {
    const attempt = () => createPoolsClient({ projectId: "p1", region: token, auth: tokenAuth });
    expect(attempt).toThrow('or give endpoint instead (got "[redacted]")');
    expectClean(failureOf(attempt), [token]);
  });
});

describe("raw: what it returns as error and what it throws", () => {
  const rawOf = (fetch: typeof globalThis.fetch, auth: PoolsAuth = tokenAuth, projectId = "p1"): [ReturnType<typeof rawClientOf>, PoolsClient] => {
    const pools = createPoolsClient({ projectId, endpoint, auth, fetch });
    return [rawClientOf(pools), pools];
  };
  const patch = (raw: ReturnType<typeof rawClientOf>, poolName = "pool-a", signal?: AbortSignal) =>
    raw.PATCH("/v2/{project_id}/pools/{pool_name}", { params: { path: { project_id: "p1", pool_name: poolName } }, body: {}, ...(signal ? { signal } : {}) });

  test.each<[string, PoolsAuth, string[]]>([
    ["a token", tokenAuth, [token]],
    ["AK/SK", akSkAuth, [secretKey, securityToken]],
  ])("a JSON error body that echoes the request, with %s, comes back redacted, signatures included", async (_, auth, secrets) => {
    const { fetch, sent } = fakeFetch((request) => jsonAnswer(401, { error_code: "APIGW.0301", error_msg: `bad ${JSON.stringify(request.headers)}`, [secrets[0]!]: "as a key" }));
    const { error, response } = await patch(rawOf(fetch, auth)[0]);
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ error_code: "APIGW.0301", "[redacted]": "as a key" });
    expectClean(Object.assign(new Error("returned"), { error }), [...secrets, ...("accessKey" in auth ? signatures(sent) : [])]);
  });

  test("a text error body comes back redacted", async () => {
    const { fetch } = fakeFetch((request) => new Response(`denied ${request.headers["x-auth-token"]}`, { status: 403 }));
    const { error } = await patch(rawOf(fetch)[0]);
    expect(error).toBe("denied [redacted]");
  });

  test("a fetch failure that quotes the URL and the headers is thrown redacted (a token as the pool name too)", async () => {
    const { fetch, sent } = leakyFetch();
    const thrown = await failure(patch(rawOf(fetch)[0], token));
    expect(sent[0]!.url).toContain(encodeURIComponent(token));
    expect(expectClean(thrown, [token])).toContain("[redacted]");
  });

  test("a 2xx body that is not JSON, whose parse error quotes it, is thrown redacted", async () => {
    const { fetch } = fakeFetch((request) => new Response(`${request.headers["x-auth-token"]} is not a pool`, { status: 200 }));
    const thrown = await failure(patch(rawOf(fetch)[0]));
    expect(thrown).toBeInstanceOf(Error);
    expectClean(thrown, [token]);
  });

  test("the caller's own abort still rejects with the signal's reason, untouched", async () => {
    const { fetch, untilSent } = silentFetch();
    const controller = new AbortController();
    const call = failure(patch(rawOf(fetch)[0], "pool-a", controller.signal));
    await untilSent(1);
    const reason = new Error("user cancelled");
    controller.abort(reason);
    expect(await call).toBe(reason);
  });
});

describe("a secret the server writes with JSON escapes is still taken out", () => {
  // IAM tokens contain "/", which JSON may write as "\/"; any character may be written as \uXXXX.
  const escaped = (text: string) => text.replace(/\//g, "\\/").replace(/M/g, "\\u004D");

  test.each<[string, (request: SentRequest) => string]>([
    ["in error_msg", (request) => JSON.stringify({ error_code: "APIGW.0301", error_msg: `bad token ${request.headers["x-auth-token"]}` })],
    ["deep in the body", (request) => JSON.stringify({ error_code: "E", details: [{ echo: { headers: request.headers } }] })],
    ["as a key", (request) => JSON.stringify({ error_code: "E", [`${request.headers["x-auth-token"]}`]: "rejected" })],
  ])("%s", async (_, body) => {
    const { fetch } = fakeFetch((request) => new Response(escaped(body(request)), { status: 401, headers: { "content-type": "application/json" } }));
    const pools = createPoolsClient({ projectId: "p1", endpoint, auth: tokenAuth, fetch });
    const error = (await failure(pools.updatePool("x", {}))) as ModelArtsApiError;
    expect(error).toBeInstanceOf(ModelArtsApiError);
    expect(error.status).toBe(401);
    expect(JSON.stringify(error.body)).toContain("[redacted]");
    expectClean(error, [token]);
  });

  test("the rest of the body survives: the code, the message around the secret, numbers and arrays", async () => {
    const answer = JSON.stringify({ error_code: "APIGW.0301", error_msg: `bad token ${token}!`, n: 1, list: ["a", token] });
    const pools = createPoolsClient({ projectId: "p1", endpoint, auth: tokenAuth, fetch: fakeFetch(new Response(escaped(answer), { status: 401 })).fetch });
    const error = (await failure(pools.updatePool("x", {}))) as ModelArtsApiError;
    expect(error.body).toEqual({ error_code: "APIGW.0301", error_msg: "bad token [redacted]!", n: 1, list: ["a", "[redacted]"] });
    expect(error.message).toContain("answered 401 APIGW.0301 bad token [redacted]!");
  });
});

function failureOf(attempt: () => unknown): unknown {
  try {
    attempt();
  } catch (error) {
    return error;
  }
  throw new Error("it did not throw");
}

describe("an endpoint with credentials in it is refused, without quoting them", () => {
  test.each(["https://user:pa55word-xyz@modelarts.cn-north-4.myhuaweicloud.com", "http://pa55word-xyz@127.0.0.1:4010", "http://:pa55word-xyz@127.0.0.1:4010"])("%s", (endpoint) => {
    const attempt = () => createPoolsClient({ projectId: "p1", endpoint });
    expect(attempt).toThrow("createPoolsClient: endpoint must not contain a user name or password");
    expect(everythingPrintable(failureOf(attempt))).not.toContain("pa55word-xyz");
  });
});

test("bad credentials are reported by field, never by value", () => {
  const attempt = () => createPoolsClient({ projectId: "p", region: "cn-north-4", auth: { accessKey: "", secretKey } });
  expect(attempt).toThrow("createPoolsClient: auth.accessKey must be a non-empty string");
  expect(everythingPrintable(failureOf(attempt))).not.toContain(secretKey);
});
