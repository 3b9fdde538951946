import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { createPoolsClient, ModelArtsApiError, type PoolsAuth } from "../src/index.js";
import { example, fakeFetch, jsonAnswer, silentFetch, type Answer, type SentRequest } from "./support/fake-fetch.js";
import { manualClock } from "./support/manual-clock.js";

const token = "MIIT-token-0123456789abcdef";
const secretKey = "SK-secret-9876543210fedcba";
const securityToken = "STS-security-token-zyx";
const secrets = [token, secretKey, securityToken];

/** Everything a logger could print of an error, its cause chain included. */
function everythingPrintable(error: unknown): string {
  const parts: string[] = [inspect(error, { depth: Infinity, showHidden: true }), String(error)];
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
    parts.push(JSON.stringify(current, Object.getOwnPropertyNames(current)) ?? "");
    if (current instanceof Error) parts.push(current.message, current.stack ?? "");
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join("\n");
}

/** A fetch that fails with messages quoting every header it was given, as a careless wrapper might. */
function leakyFetch(): typeof fetch {
  return (async (_input: RequestInfo | URL, init?: RequestInit) => {
    const headers = JSON.stringify(init?.headers);
    throw new TypeError(`fetch failed for ${headers}`, { cause: new Error(`socket hang up; sent ${headers}`, { cause: `raw ${headers}` }) });
  }) as typeof fetch;
}

const auths: [string, PoolsAuth][] = [
  ["a token", { token }],
  ["AK/SK with a security token", { accessKey: "AK-visible", secretKey, securityToken }],
];

describe.each(auths)("with %s, nothing thrown contains a credential", (_, auth) => {
  async function failure(fetch: typeof globalThis.fetch): Promise<string> {
    const pools = createPoolsClient({ projectId: "p1", endpoint: "http://127.0.0.1:4010", auth, fetch });
    const error = await pools.updatePool("x", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    return everythingPrintable(error);
  }

  test("when fetch fails with the headers in its messages and causes", async () => {
    const printed = await failure(leakyFetch());
    expect(printed).toContain("[redacted]");
    for (const secret of secrets) expect(printed).not.toContain(secret);
  });

  test.each<[string, Answer]>([
    ["echoed in a JSON error body", (request) => jsonAnswer(400, { error_code: "ModelArts.50004000", error_msg: `bad ${JSON.stringify(request.headers)}` })],
    ["echoed in a text error body", (request) => new Response(`denied: ${JSON.stringify(request.headers)}`, { status: 403 })],
  ])("when the server's error is %s", async (_, answer) => {
    const printed = await failure(fakeFetch(answer).fetch);
    for (const secret of secrets) expect(printed).not.toContain(secret);
  });

  test("on a time-out", async () => {
    const time = manualClock();
    const pools = createPoolsClient({ projectId: "p1", endpoint: "http://127.0.0.1:4010", auth, fetch: silentFetch().fetch, timeoutMs: 5, clock: time.clock });
    const call = pools.updatePool("x", {}).catch((e: unknown) => e);
    await time.runTimer((timer) => timer.delay === 5, "the 5 ms time-out");
    const printed = everythingPrintable(await call);
    expect(printed).toContain("got no answer within 5 ms");
    for (const secret of secrets) expect(printed).not.toContain(secret);
  });

  test("nor does the client object itself when logged", () => {
    const pools = createPoolsClient({ projectId: "p1", endpoint: "http://127.0.0.1:4010", auth, fetch: fakeFetch(jsonAnswer(200, example("scaledPool"))).fetch });
    const printed = inspect(pools, { depth: Infinity, showHidden: true }) + JSON.stringify(pools);
    for (const secret of secrets) expect(printed).not.toContain(secret);
  });
});

describe("a secret the server writes with JSON escapes is still taken out", () => {
  // IAM tokens contain "/", which JSON may write as "\/"; any character may be written as \uXXXX.
  const slashToken = "MIIT/token+with/slashes==";
  const escaped = (text: string) => text.replace(/\//g, "\\/").replace(/M/g, "\\u004D");

  test.each<[string, (request: SentRequest) => string]>([
    ["in error_msg", (request) => JSON.stringify({ error_code: "APIGW.0301", error_msg: `bad token ${request.headers["x-auth-token"]}` })],
    ["deep in the body", (request) => JSON.stringify({ error_code: "E", details: [{ echo: { headers: request.headers } }] })],
    ["as a key", (request) => JSON.stringify({ error_code: "E", [`${request.headers["x-auth-token"]}`]: "rejected" })],
  ])("%s", async (_, body) => {
    const { fetch } = fakeFetch((request) => new Response(escaped(body(request)), { status: 401, headers: { "content-type": "application/json" } }));
    const pools = createPoolsClient({ projectId: "p1", endpoint: "http://127.0.0.1:4010", auth: { token: slashToken }, fetch });
    const error = (await pools.updatePool("x", {}).catch((e: unknown) => e)) as ModelArtsApiError;
    expect(error).toBeInstanceOf(ModelArtsApiError);
    expect(error.status).toBe(401);
    expect(JSON.stringify(error.body)).toContain("[redacted]");
    expect(everythingPrintable(error)).not.toContain(slashToken);
  });

  test("the rest of the body survives: the code, the message around the secret, numbers and arrays", async () => {
    const answer = JSON.stringify({ error_code: "APIGW.0301", error_msg: `bad token ${slashToken}!`, n: 1, list: ["a", slashToken] });
    const pools = createPoolsClient({ projectId: "p1", endpoint: "http://127.0.0.1:4010", auth: { token: slashToken }, fetch: fakeFetch(new Response(escaped(answer), { status: 401 })).fetch });
    const error = (await pools.updatePool("x", {}).catch((e: unknown) => e)) as ModelArtsApiError;
    expect(error.body).toEqual({ error_code: "APIGW.0301", error_msg: "bad token [redacted]!", n: 1, list: ["a", "[redacted]"] });
    expect(error.message).toContain("answered 401 APIGW.0301 bad token [redacted]!");
  });
});

describe("an endpoint with credentials in it is refused, without quoting them", () => {
  test.each(["https://user:pa55word-xyz@modelarts.cn-north-4.myhuaweicloud.com", "http://pa55word-xyz@127.0.0.1:4010", "http://:pa55word-xyz@127.0.0.1:4010"])("%s", (endpoint) => {
    const attempt = () => createPoolsClient({ projectId: "p1", endpoint });
    expect(attempt).toThrow("createPoolsClient: endpoint must not contain a user name or password");
    try {
      attempt();
    } catch (error) {
      expect(everythingPrintable(error)).not.toContain("pa55word-xyz");
    }
  });
});

test("bad credentials are reported by field, never by value", () => {
  const attempt = () => createPoolsClient({ projectId: "p", region: "r", auth: { accessKey: "", secretKey } });
  expect(attempt).toThrow("createPoolsClient: auth.accessKey must be a non-empty string");
  try {
    attempt();
  } catch (error) {
    expect(everythingPrintable(error)).not.toContain(secretKey);
  }
});
