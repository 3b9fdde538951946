// The client against @modelarts-pools/mock, the local stand-in for the live API (Prism plus what Prism lacks:
// merge-patch enforcement, ModelArts error bodies, a stateful mode).
import { startMock, type Mock } from "@modelarts-pools/mock";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createPoolsClient, ModelArtsApiError, type CreatePoolRequest, type PoolsAuth } from "../src/index.js";
import { rawClientOf } from "../src/raw.js";
import { example } from "./support/fake-fetch.js";

function useMock(stateful: boolean): () => Mock {
  let mock: Mock | undefined;
  beforeAll(async () => {
    mock = await startMock({ port: 0, stateful });
  });
  afterAll(async () => {
    await mock?.close();
  });
  return () => mock!;
}

function createRequest(name: string): CreatePoolRequest {
  const body = example("createDedicatedPool") as CreatePoolRequest;
  body.metadata.labels["os.modelarts/name"] = name;
  return body;
}

const auths: [string, PoolsAuth][] = [
  ["a token", { token: "test-token" }],
  ["AK/SK", { accessKey: "AK", secretKey: "SK" }],
];

describe("static mode: the spec's examples", () => {
  const mock = useMock(false);

  test.each(auths)("with %s, createPool and updatePool get the examples back", async (_, auth) => {
    const pools = createPoolsClient({ projectId: "p1", endpoint: mock().url, auth });
    expect(await pools.createPool(example("createDedicatedPool"))).toEqual(example("createdPool"));
    expect(await pools.updatePool("auto-pool-os-86c13962597848eeb29c5861153a391f", example("scaleOutPool"))).toEqual(example("scaledPool"));
  });

  test("the client's PATCH is accepted where the official SDKs' application/json PATCH gets 400 ModelArts.50004100", async () => {
    const url = `${mock().url}/v2/p1/pools/auto-pool-os-86c13962597848eeb29c5861153a391f`;
    const sdkStyle = await fetch(url, { method: "PATCH", headers: { "content-type": "application/json", "x-auth-token": "t" }, body: "{}" });
    expect(sdkStyle.status).toBe(400);
    expect(await sdkStyle.json()).toEqual(example("contentTypeNotSupported"));
    const pools = createPoolsClient({ projectId: "p1", endpoint: mock().url, auth: { token: "t" } });
    await expect(pools.updatePool("auto-pool-os-86c13962597848eeb29c5861153a391f", {})).resolves.toMatchObject({ kind: "Pool" });
    const { response } = await rawClientOf(pools).PATCH("/v2/{project_id}/pools/{pool_name}", { params: { path: { project_id: "p1", pool_name: "x" } }, body: {} });
    expect(response.status).toBe(200);
  });

  test("a body the spec refuses comes back as ModelArtsApiError 400 ModelArts.50004000", async () => {
    const pools = createPoolsClient({ projectId: "p1", endpoint: mock().url, auth: { token: "t" } });
    const body = example("createDedicatedPool");
    body.spec.resources[0].count = "2";
    const error = (await pools.createPool(body).catch((e: unknown) => e)) as ModelArtsApiError;
    expect(error).toBeInstanceOf(ModelArtsApiError);
    expect(error).toMatchObject({ status: 400, code: "ModelArts.50004000" });
  });

  test("a request without credentials is refused, and the error says so", async () => {
    const pools = createPoolsClient({ projectId: "p1", endpoint: mock().url });
    const error = (await pools.updatePool("x", {}).catch((e: unknown) => e)) as ModelArtsApiError;
    expect(error).toBeInstanceOf(ModelArtsApiError);
    expect(error.status).toBeGreaterThanOrEqual(400);
    expect(error.message).toMatch(/credentials|X-Auth-Token/);
  });

  test.each([
    ["createPool", 409, "ModelArts.50015000"],
    ["updatePool", 404, "ModelArts.50015001"],
  ] as const)("%s answers its %i when Prefer asks for it", async (operation, status, code) => {
    const pools = createPoolsClient({ projectId: "p1", endpoint: mock().url, auth: { token: "t" } });
    const options = { headers: { Prefer: `code=${status}` } };
    const call = operation === "createPool" ? pools.createPool(example("createDedicatedPool"), options) : pools.updatePool("x", {}, options);
    await expect(call).rejects.toMatchObject({ name: "ModelArtsApiError", status, code });
  });
});

describe("stateful mode: pools created and patched", () => {
  const mock = useMock(true);
  const pools = () => createPoolsClient({ projectId: "project-c", endpoint: mock().url, auth: { token: "t" } });

  test("a second create with the same name label is a 409 ModelArts.50015000", async () => {
    const created = await pools().createPool(createRequest("pool-twice"));
    expect(created.metadata.name).toMatch(/^pool-twice-[0-9a-f]{32}$/);
    expect(created.status).toEqual({ resources: {} });
    await expect(pools().createPool(createRequest("pool-twice"))).rejects.toMatchObject({ status: 409, code: "ModelArts.50015000", errorMessage: "Pool already exists." });
  });

  test("updating a pool that does not exist is a 404 ModelArts.50015001", async () => {
    await expect(pools().updatePool("pool-missing-00000000000000000000000000000000", {})).rejects.toMatchObject({ status: 404, code: "ModelArts.50015001" });
  });

  test("updatePool merges the patch into the stored pool", async () => {
    const created = await pools().createPool(createRequest("pool-merge"));
    const described = await pools().updatePool(created.metadata.name, { metadata: { annotations: { "os.modelarts/description": "for training" } } });
    expect(described.metadata.annotations).toEqual({ ...created.metadata.annotations, "os.modelarts/description": "for training" });
    expect(described.spec).toEqual(created.spec);
    const scaled = await pools().updatePool(created.metadata.name, { spec: { resources: [{ flavor: "modelarts.vm.gpu.tnt004", count: 5 }] } });
    expect(scaled.spec.resources).toEqual([{ flavor: "modelarts.vm.gpu.tnt004", count: 5 }]);
    expect(scaled.metadata.annotations?.["os.modelarts/description"]).toBe("for training");
  });
});
