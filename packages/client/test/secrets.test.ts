import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { createPoolsClient, type PoolsAuth } from "../src/index.js";
import { example, fakeFetch, jsonAnswer, silentFetch, type Answer } from "./support/fake-fetch.js";

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
  async function failure(fetch: typeof globalThis.fetch, timeoutMs = 30_000): Promise<string> {
    const pools = createPoolsClient({ projectId: "p1", endpoint: "http://127.0.0.1:4010", auth, fetch, timeoutMs });
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
    const printed = await failure(silentFetch().fetch, 5);
    for (const secret of secrets) expect(printed).not.toContain(secret);
  });

  test("nor does the client object itself when logged", () => {
    const pools = createPoolsClient({ projectId: "p1", endpoint: "http://127.0.0.1:4010", auth, fetch: fakeFetch(jsonAnswer(200, example("scaledPool"))).fetch });
    const printed = inspect(pools, { depth: Infinity, showHidden: true }) + JSON.stringify(pools);
    for (const secret of secrets) expect(printed).not.toContain(secret);
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
