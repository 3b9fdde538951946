// The client's retries against the mock's faults on purpose (--fault-rate with --seed): a third of the faults are
// 503s, a third 429s (both with Retry-After), a third connections reset. With `retry`, every call but createPool rides
// them out; createPool is never repeated, so it fails with what the mock answered, and the journal shows one attempt.
import { createPoolsClient, ModelArtsApiError, ModelArtsNetworkError, type CreatePoolRequest } from "@modelarts-pools/client";
import { startMock, type Mock } from "@modelarts-pools/mock";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { example } from "./support/examples.js";

let mock: Mock;
beforeAll(async () => {
  // Retry-After 0: the client waits its own (tiny) back-off instead of a second per fault.
  mock = await startMock({ port: 0, stateful: true, creatingMs: 0, faultRate: 0.4, seed: "client-retries", retryAfterSeconds: 0 });
});
afterAll(() => mock?.close());

const body = (name: string): CreatePoolRequest => {
  const request = example("createDedicatedPool") as CreatePoolRequest;
  request.metadata.labels["os.modelarts/name"] = name;
  return request;
};

describe("the client against --fault-rate 0.4", () => {
  const pools = () => createPoolsClient({ projectId: "retries", endpoint: mock.url, auth: { token: "t" }, retry: { retries: 10, baseDelayMs: 1, maxDelayMs: 5 } });

  test("createPool is never repeated: each call is one request, and a faulted one fails with what the mock did", async () => {
    mock.clearRequests();
    const outcomes: string[] = [];
    for (let index = 0; index < 12; index++) {
      outcomes.push(
        await pools()
          .createPool(body(`pool-once-${index}`))
          .then(
            () => "created",
            (error: unknown) => (error instanceof ModelArtsApiError ? String(error.status) : error instanceof ModelArtsNetworkError ? "network" : String(error)),
          ),
      );
    }
    const creates = mock.requests({ operationId: "createPool" });
    expect(creates).toHaveLength(12);
    expect(creates.map((entry) => (entry.fault === null ? "created" : entry.fault === "reset" ? "network" : entry.fault))).toEqual(outcomes);
    expect(outcomes).toContain("created");
    expect(outcomes.some((outcome) => outcome !== "created")).toBe(true);
  });

  test("every other call rides the faults out with retry, and the journal shows the attempts it took", async () => {
    let name: string | undefined;
    for (let attempt = 0; name === undefined && attempt < 50; attempt++) {
      name = await pools().createPool(body("pool-retried")).then((pool) => pool.metadata.name, () => undefined);
    }
    expect(name).toBeDefined();
    mock.clearRequests();
    for (let count = 1; count <= 20; count++) {
      const updated = await pools().updatePool(name!, { spec: { resources: [{ flavor: "modelarts.vm.cpu.4ud", count }] } });
      expect(updated.spec.resources?.[0]?.count).toBe(count);
      expect((await pools().getPool(name!)).spec.resources?.[0]?.count).toBe(count);
    }
    const attempts = mock.requests();
    const faults = attempts.filter((entry) => entry.fault !== null);
    expect(attempts.length).toBe(40 + faults.length);
    expect(new Set(faults.map((entry) => entry.fault))).toEqual(new Set(["503", "429", "reset"]));
  });
});
