// --verify-signatures: the mock checks AK/SK signatures as the API gateway does, so it proves something about a
// client's signing code. The repo's own client passes; the same client with its keys swapped, a wrong secret key, or
// a clock 16 minutes off is refused with the gateway's 401 APIGW.0301, whose message says which check failed and
// never holds the secret. Token requests are not signatures, and pass as before.
import { createPoolsClient, ModelArtsApiError, type Clock } from "@modelarts-pools/client";
import { describe, expect, it } from "vitest";
import { manualClock, startMock } from "../src/index.js";
import { call, createRequest, PROJECT, useMock, withMock } from "./support.js";

const accessKey = "MOCKAK0000000000TEST";
const secretKey = "mock-secret-key-not-a-real-one-0123456789";

/** The client's clock set to the mock's manual clock, so that X-Sdk-Date is the mock's time. */
const clientClock = (clock: { now(): number }): Clock => ({ now: () => clock.now(), setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) });

describe("startMock({ verifySignatures: { [accessKey]: secretKey } })", () => {
  const clock = manualClock(Date.UTC(2026, 5, 1, 12));
  const mock = useMock({ stateful: true, creatingMs: 0, clock, verifySignatures: { [accessKey]: secretKey } });
  const client = (keys: { accessKey: string; secretKey: string }) => createPoolsClient({ projectId: PROJECT, endpoint: mock().url, auth: keys, clock: clientClock(clock) });

  it("answers the client's signed calls, bodies included", async () => {
    const pools = client({ accessKey, secretKey });
    const pool = await pools.createPool(createRequest("pool-signed"));
    const updated = await pools.updatePool(pool.metadata.name, { spec: { resources: [{ flavor: "modelarts.vm.cpu.4ud", count: 2 }] } });
    expect(updated.metadata.name).toBe(pool.metadata.name);
    expect((await pools.listPools()).map((item) => item.metadata.name)).toContain(pool.metadata.name);
  });

  /** The error a call of `pools` fails with. */
  const refusalOf = async (keys: { accessKey: string; secretKey: string }) => {
    const error = await client(keys).listPools().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelArtsApiError);
    return error as ModelArtsApiError;
  };

  it("refuses the same client with its access key and secret key swapped: the access key is unknown", async () => {
    const error = await refusalOf({ accessKey: secretKey, secretKey: accessKey });
    expect([error.status, error.code]).toEqual([401, "APIGW.0301"]);
    expect(error.message).toContain("Get secretKey failed: the access key is not one this gateway knows");
  });

  it("refuses a wrong secret key for a known access key, without the secret in what it says", async () => {
    const error = await refusalOf({ accessKey, secretKey: "a-wrong-secret-key" });
    expect([error.status, error.code]).toEqual([401, "APIGW.0301"]);
    expect(error.message).toContain("verify aksk signature fail");
    expect(JSON.stringify({ message: error.message, body: error.body })).not.toMatch(/a-wrong-secret-key|mock-secret-key/);
  });

  it("refuses a signature whose X-Sdk-Date is more than 15 minutes from the mock's time", async () => {
    const behind = createPoolsClient({ projectId: PROJECT, endpoint: mock().url, auth: { accessKey, secretKey }, clock: clientClock({ now: () => clock.now() - 16 * 60_000 }) });
    const error = (await behind.listPools().catch((caught: unknown) => caught)) as ModelArtsApiError;
    expect(error).toBeInstanceOf(ModelArtsApiError);
    expect(error.status).toBe(401);
    expect(error.message).toContain("signature expired");
  });

  it("takes token requests as before (the mock cannot check a token, only that one is there)", async () => {
    expect((await call(mock(), { method: "GET" })).status).toBe(200);
  });

  it("records the refusals in the journal, credentials redacted", async () => {
    mock().clearRequests();
    await refusalOf({ accessKey: secretKey, secretKey: accessKey });
    const [entry] = mock().requests();
    expect(entry).toMatchObject({ operationId: "listPools", status: 401 });
    expect(entry!.headers["authorization"]).toBe("[redacted]");
  });
});

describe("startMock({ verifySignatures: true })", () => {
  it("verifies against HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK of its environment", async () => {
    await withMock({ verifySignatures: true, env: { HUAWEICLOUD_SDK_AK: accessKey, HUAWEICLOUD_SDK_SK: secretKey } }, async (mock) => {
      const pools = createPoolsClient({ projectId: PROJECT, endpoint: mock.url, auth: { accessKey, secretKey } });
      expect((await pools.listPools()).length).toBeGreaterThan(0);
      const swapped = createPoolsClient({ projectId: PROJECT, endpoint: mock.url, auth: { accessKey: secretKey, secretKey: accessKey } });
      await expect(swapped.listPools()).rejects.toMatchObject({ status: 401, code: "APIGW.0301" });
    });
  });

  it("refuses to start without a key pair, naming the variables", async () => {
    await expect(startMock({ port: 0, verifySignatures: true, env: {} })).rejects.toThrow("verifySignatures: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK");
    await expect(startMock({ port: 0, verifySignatures: {} })).rejects.toThrow("verifySignatures must be true (the environment's key pair) or { [accessKey]: secretKey }");
  });
});
