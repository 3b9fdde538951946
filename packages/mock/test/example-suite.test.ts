import { createPoolsClient } from "@modelarts-pools/client";
import { startMock, type Mock } from "@modelarts-pools/mock";
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";

let mock: Mock;
beforeAll(async () => {
  mock = await startMock({ port: 0, stateful: true, creatingMs: 0 });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset()); // no pools, an empty journal

const pools = () => createPoolsClient({ projectId: "my-project", endpoint: mock.url, auth: { token: "any" } });

test("scaling a pool sends one merge patch with the new count", async () => {
  const pool = await pools().createPool({
    apiVersion: "v2",
    kind: "Pool",
    metadata: { labels: { "os.modelarts/name": "pool-under-test" } },
    spec: { type: "Dedicate", scope: ["Train"], network: { name: "net-1" }, resources: [{ flavor: "modelarts.vm.cpu.4ud", count: 1 }] },
  });
  await pools().updatePool(pool.metadata.name, { spec: { resources: [{ flavor: "modelarts.vm.cpu.4ud", count: 3 }] } });

  const [update, ...others] = mock.requests({ operationId: "updatePool" });
  expect(others).toEqual([]);
  expect(update?.headers["content-type"]).toBe("application/merge-patch+json");
  expect(update?.body).toEqual({ spec: { resources: [{ flavor: "modelarts.vm.cpu.4ud", count: 3 }] } });
  expect(update?.status).toBe(200);
});

test("each test starts with no pools", async () => {
  expect(await pools().listPools()).toEqual([]);
  expect(mock.requests()).toHaveLength(1); // the list just made
});
