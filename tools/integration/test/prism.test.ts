// The client against a bare Prism serving the bundled spec: Prism checks every request against the spec (body,
// parameters, security) before it answers an example, so a 200 here means the request was what the spec describes.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createPoolsClient, ModelArtsApiError, type PoolsAuth } from "@modelarts-pools/client";
import { rawClientOf } from "@modelarts-pools/client/raw";
import { example } from "./support/examples.js";
import { startPrism, type RunningServer } from "./support/prism.js";

let prism: RunningServer;
beforeAll(async () => {
  prism = await startPrism();
});
afterAll(async () => {
  await prism?.close();
});

const auths: [string, PoolsAuth][] = [
  ["an IAM token", { token: "prism-token-0123456789" }],
  ["AK/SK", { accessKey: "AK", secretKey: "SK-0123456789" }],
  ["temporary AK/SK", { accessKey: "AK", secretKey: "SK-0123456789", securityToken: "sts-0123456789" }],
];

describe.each(auths)("with %s", (_, auth) => {
  test("createPool sends what the spec describes and gets the createdPool example", async () => {
    const pools = createPoolsClient({ projectId: "2e1ad4e4a7d24a6ba0e1a7d1c7e9b2c1", endpoint: prism.url, auth, userId: "tenant-1" });
    expect(await pools.createPool(example("createDedicatedPool"))).toEqual(example("createdPool"));
  });

  test("updatePool sends what the spec describes and gets the scaledPool example", async () => {
    const pools = createPoolsClient({ projectId: "2e1ad4e4a7d24a6ba0e1a7d1c7e9b2c1", endpoint: prism.url, auth });
    expect(await pools.updatePool("auto-pool-os-86c13962597848eeb29c5861153a391f", example("scaleOutPool"))).toEqual(example("scaledPool"));
  });
});

test("the spec's error answers arrive as ModelArtsApiError with their error_code", async () => {
  const pools = createPoolsClient({ projectId: "p1", endpoint: prism.url, auth: { token: "prism-token-0123456789" } });
  await expect(pools.updatePool("gone", {}, { headers: { Prefer: "code=404" } })).rejects.toMatchObject({ status: 404, code: "ModelArts.50015001", errorMessage: example("poolNotFound").error_msg });
  await expect(pools.createPool(example("createDedicatedPool"), { headers: { Prefer: "code=409" } })).rejects.toMatchObject({ status: 409, code: "ModelArts.50015000" });
  const invalid = example("createDedicatedPool");
  delete invalid.metadata.labels["os.modelarts/name"];
  await expect(pools.createPool(invalid)).rejects.toMatchObject({ status: 400, code: "ModelArts.50004000" });
});

test("a request without credentials is refused, and the non-ModelArts error body still explains why", async () => {
  const pools = createPoolsClient({ projectId: "p1", endpoint: prism.url });
  const error = (await pools.updatePool("x", {}).catch((e: unknown) => e)) as ModelArtsApiError;
  expect(error).toBeInstanceOf(ModelArtsApiError);
  expect(error.status).toBe(401);
  expect(error.code).toBeUndefined();
  expect(error.message).toContain("Invalid security scheme used");
});

test("raw reaches Prism with the same auth", async () => {
  const pools = createPoolsClient({ projectId: "p1", endpoint: prism.url, auth: { accessKey: "AK", secretKey: "SK-0123456789" } });
  const { data, response } = await rawClientOf(pools).POST("/v2/{project_id}/pools", {
    params: { path: { project_id: "p1" } },
    body: example("createDedicatedPool"),
  });
  expect(response.status).toBe(200);
  expect(data).toEqual(example("createdPool"));
});
