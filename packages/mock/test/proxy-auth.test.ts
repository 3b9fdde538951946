// Credentials through the proxy: a token passes as it is; an AK/SK request is signed again for the upstream with the
// keys of an environment object, and the gateway verifier of the client's tests accepts it. No credential reaches a
// violation.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPoolsClient, ModelArtsApiError } from "@modelarts-pools/client";
import { clientOptionsFromEnv } from "@modelarts-pools/client/env";
import { startVerifyingGateway } from "@modelarts-pools/test-support/verifying-gateway";
import { startMock, type Mock, type Violation } from "../src/index.js";
import { exampleOf, PROJECT } from "./support.js";

const accessKey = "AK-proxy-visible-0042";
const secretKey = "SK-proxy-secret-7c6b5a49";
const securityToken = "STS-proxy-security-token-3e2d";
const env = {
  HUAWEICLOUD_SDK_AK: accessKey,
  HUAWEICLOUD_SDK_SK: secretKey,
  HUAWEICLOUD_SDK_SECURITY_TOKEN: securityToken,
  HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
};

type Gateway = Awaited<ReturnType<typeof startVerifyingGateway>>;

/** The signature hex of an Authorization header. */
const signatureOf = (authorization: string | undefined) => /Signature=([0-9a-f]{64})/.exec(authorization ?? "")?.[1] ?? "missing";

describe("AK/SK through the proxy", () => {
  let gateway: Gateway;
  let mock: Mock;
  const violations: Violation[] = [];
  beforeAll(async () => {
    // The gateway answers a pool that drifts (a phase outside the enum), so there is a violation to look into.
    gateway = await startVerifyingGateway({ [accessKey]: secretKey }, { ...exampleOf<object>("createdPool"), status: { phase: "Starting" } });
    mock = await startMock({ proxy: gateway.url, env, onViolation: (violation) => violations.push(violation) });
  });
  afterAll(async () => {
    await mock?.close();
    await gateway?.close();
  });
  afterEach(() => {
    gateway.received.length = 0;
    violations.length = 0;
  });

  it("signs each request again with the environment's keys, and the verifier accepts it", async () => {
    const pools = createPoolsClient(clientOptionsFromEnv({ endpoint: mock.url }, env));
    await pools.createPool(exampleOf("createDedicatedPool"));
    await pools.updatePool("pool-001-86c13962597848eeb29c5861153a391f", exampleOf("scaleOutPool"));
    expect(gateway.received.map(({ method, verified, unsigned }) => ({ method, verified, unsigned }))).toEqual([
      { method: "POST", verified: true, unsigned: [] },
      { method: "PATCH", verified: true, unsigned: [] },
    ]);
    const received = gateway.received[0]!;
    expect(received.headers["host"]).toBe(new URL(gateway.url).host);
    expect(received.headers["x-security-token"]).toBe(securityToken);
    expect(received.headers["authorization"]).toContain(`Access=${accessKey},`);
  });

  it("a request signed with other keys is signed again all the same: the proxy holds the keys for the upstream", async () => {
    const pools = createPoolsClient({ projectId: PROJECT, endpoint: mock.url, auth: { accessKey: "AK-local", secretKey: "SK-local-only" } });
    await pools.createPool(exampleOf("createDedicatedPool"));
    expect(gateway.received.map(({ verified }) => verified)).toEqual([true]);
  });

  it("a wrong key in the environment is refused by the verifier, and its 401 passes back unchanged", async () => {
    const wrong = await startMock({ proxy: gateway.url, env: { ...env, HUAWEICLOUD_SDK_SK: "SK-wrong" }, onViolation: () => undefined });
    try {
      const pools = createPoolsClient(clientOptionsFromEnv({ endpoint: wrong.url }, env));
      const error = await pools.createPool(exampleOf("createDedicatedPool")).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ModelArtsApiError);
      expect((error as ModelArtsApiError).status).toBe(401);
      expect((error as ModelArtsApiError).code).toBe("APIGW.0301");
    } finally {
      await wrong.close();
    }
  });

  it("no credential, incoming or outgoing signature appears in a violation", async () => {
    const pools = createPoolsClient({ ...clientOptionsFromEnv({ endpoint: mock.url }, env), fetch: recordingFetch });
    const body = exampleOf("createDedicatedPool");
    body.spec.resources[0].count = "2"; // a request violation too
    await pools.createPool(body as never);
    expect(violations.map(({ direction, rule }) => `${direction} ${rule}`)).toEqual(["request type", "response enum"]);
    const printed = JSON.stringify(violations);
    expect(sentAuthorization).toContain("Signature=");
    const outgoing = signatureOf(gateway.received[0]!.headers["authorization"]);
    for (const secret of [secretKey, securityToken, signatureOf(sentAuthorization), outgoing]) expect(printed).not.toContain(secret);
  });
});

let sentAuthorization: string | undefined;
const recordingFetch: typeof fetch = (input, init) => {
  sentAuthorization = new Headers(init?.headers).get("authorization") ?? undefined;
  return fetch(input, init);
};

describe("without keys in the environment", () => {
  let gateway: Gateway;
  let mock: Mock;
  const violations: Violation[] = [];
  beforeAll(async () => {
    gateway = await startVerifyingGateway({}, exampleOf("createdPool"));
    mock = await startMock({ proxy: gateway.url, env: {}, onViolation: (violation) => violations.push(violation) });
  });
  afterAll(async () => {
    await mock?.close();
    await gateway?.close();
  });

  it("refuses an AK/SK request, naming the variables to set, and forwards nothing", async () => {
    // The gateway and the violations are this describe's: count from here, whatever order its tests run in.
    const [received, reported] = [gateway.received.length, violations.length];
    const pools = createPoolsClient({ projectId: PROJECT, endpoint: mock.url, auth: { accessKey, secretKey } });
    const error = (await pools.createPool(exampleOf("createDedicatedPool")).catch((caught: unknown) => caught)) as ModelArtsApiError;
    expect(error.status).toBe(400);
    expect(error.errorMessage).toContain("set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK where the mock runs, or send an X-Auth-Token");
    expect(gateway.received.slice(received)).toEqual([]);
    expect(violations.slice(reported)).toEqual([]);
  });

  it("passes a token through unchanged, and no violation quotes it", async () => {
    const token = "MIIT-proxy-token-a1b2c3";
    const [received, reported] = [gateway.received.length, violations.length];
    const pools = createPoolsClient({ projectId: PROJECT, endpoint: mock.url, auth: { token } });
    const body = exampleOf("createDedicatedPool");
    body.metadata.labels["os.modelarts/name"] = token; // breaks the label's pattern: a request violation
    await pools.createPool(body).catch(() => undefined); // the verifier wants a signature: 401
    expect(gateway.received.slice(received).map(({ headers }) => headers["x-auth-token"])).toEqual([token]);
    expect(violations.slice(reported).map(({ direction, rule }) => `${direction} ${rule}`)).toEqual(["request pattern", "response status"]);
    expect(JSON.stringify(violations)).not.toContain(token);
  });
});
